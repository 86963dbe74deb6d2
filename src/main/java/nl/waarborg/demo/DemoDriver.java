package nl.waarborg.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import nl.waarborg.assessment.Decision;
import nl.waarborg.identity.Groups;
import nl.waarborg.task.TaskWork;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Takes a system's cycle forward as the demo users would in the UI: each open task is claimed and completed through
 * TaskWork by the demo user of its group, with plausible answers for every field of its form (gates: positive, with a
 * motivation). Used by the demo portfolio and by tests that need a system at a certain gate.
 */
@Component
public class DemoDriver {

    private static final int MAX_STEPS = 60;

    /** Which demo user acts for which candidate group. */
    private static final Map<String, String> ACTOR = Map.of(
            Groups.PROJECT_LEAD,
            "lead",
            Groups.PRIVACY_OFFICER,
            "fg",
            Groups.ETHICS_COMMITTEE,
            "ethics",
            Groups.ALDERMAN,
            "alderman",
            Groups.ADMIN,
            "admin");

    private final CycleService cycles;
    private final TaskWork tasks;
    private final IdentityService identity;
    private final ObjectMapper json;

    public DemoDriver(CycleService cycles, TaskWork tasks, IdentityService identity, ObjectMapper json) {
        this.cycles = cycles;
        this.tasks = tasks;
        this.identity = identity;
        this.json = json;
    }

    /**
     * Completes open tasks of the system, oldest first, until one with the given task id (activity id) is open or
     * nothing is left; returns the open steps then. {@code answers} override the generated values of any form.
     */
    public List<OpenStep> driveUntil(String systemId, String waitAt, Map<String, Object> answers) {
        for (int step = 0; step < MAX_STEPS; step++) {
            List<OpenStep> open = cycles.openSteps(systemId);
            if (open.isEmpty() || open.stream().anyMatch(s -> waitAt.equals(s.activityId()))) {
                return open;
            }
            OpenStep next = open.get(0);
            String user = ACTOR.getOrDefault(next.candidateGroup(), "lead");
            as(user, () -> {
                TaskWork.TaskView task = tasks.task(next.taskId());
                Map<String, Object> values =
                        task.formId() == null ? new LinkedHashMap<>() : answers(task.formId(), user);
                if (values.containsKey("competentBody")) {
                    values.putAll(governance(task.values()));
                }
                answers.forEach((key, value) -> {
                    if (values.containsKey(key)) {
                        values.put(key, value);
                    }
                });
                if (task.assignee() == null) {
                    tasks.claim(next.taskId());
                }
                tasks.complete(next.taskId(), values);
                return null;
            });
        }
        return cycles.openSteps(systemId);
    }

    /** Plausible answers for every field of a form; gates get a positive decision with a motivation. */
    public Map<String, Object> answers(String formId, String user) {
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<JsonNode> form = readForm(formId);
        form.ifPresent(f -> fill(f.path("components"), values));
        if (values.containsKey("decision")) {
            values.put("decision", Decision.APPROVED.name());
            values.put(
                    "motivation",
                    "Demo: positief, de risico's zijn voldoende beschreven en de maatregelen passen (" + user + ").");
            values.remove("conditions");
            values.remove("deviationMotivation");
            values.put("sendBackTo", List.of());
        }
        if (values.containsKey("competentBody")) {
            values.putAll(governance(Map.of()));
            values.remove("mandateReference");
        }
        return values;
    }

    /**
     * The alderman's governance fields as a careful alderman fills them in (ADR 0035): the college decides, every
     * condition of the advice in the task's rows is adopted with an owner and a due date in three months, and every
     * residual risk is accepted.
     */
    public static Map<String, Object> governance(Map<String, Object> taskValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("competentBody", "COLLEGE");
        values.put("conditionVerdicts", rows(taskValues.get("conditionVerdicts"), row -> {
            row.put("verdict", "ADOPTED");
            row.put("owner", "Demo: eigenaar van de voorwaarde");
            row.put("dueDate", LocalDate.now().plusMonths(3).toString());
        }));
        values.put(
                "residualRiskAcceptances",
                rows(taskValues.get("residualRiskAcceptances"), row -> row.put("accepted", true)));
        return values;
    }

    private static List<Map<String, Object>> rows(Object value, java.util.function.Consumer<Map<String, Object>> fill) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        if (nl.waarborg.engine.VariableValues.toPlain(value) instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> map) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    map.forEach((k, v) -> row.put(k.toString(), v));
                    fill.accept(row);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private void fill(JsonNode components, Map<String, Object> values) {
        for (JsonNode c : components) {
            String type = c.path("type").asText();
            if ("dynamiclist".equals(type) && c.hasNonNull("path")) {
                Map<String, Object> item = new LinkedHashMap<>();
                fill(c.path("components"), item);
                values.put(c.path("path").asText(), List.of(item));
            } else if (c.hasNonNull("key")) {
                Object value = valueFor(c);
                if (value != null) {
                    values.put(c.path("key").asText(), value);
                }
            } else if (c.has("components")) {
                fill(c.path("components"), values);
            }
        }
    }

    private static Object valueFor(JsonNode c) {
        String label = c.path("label").asText("antwoord");
        JsonNode options = c.path("values");
        String first = options.isArray() && !options.isEmpty()
                ? options.get(0).path("value").asText()
                : null;
        if ("riskId".equals(c.path("key").asText())) {
            // Section C numbers its risk and section D's measure names it (RiskReferences): the same number in both.
            return "R1";
        }
        return switch (c.path("type").asText()) {
            case "textfield", "textarea" -> "Demo-antwoord: " + (label.length() > 60 ? label.substring(0, 60) : label);
            case "number" -> 1;
            case "checkbox" -> false;
            case "select", "radio" -> hasOption(options, "NO") ? "NO" : first;
            case "checklist", "taglist" -> first == null ? List.of() : List.of(first);
            case "datetime" -> LocalDate.now().plusMonths(3).toString();
            default -> null;
        };
    }

    /** A yes/no/unknown question is answered "no" (the pre-scan's neutral answer); other choices take the first. */
    private static boolean hasOption(JsonNode options, String value) {
        for (JsonNode option : options) {
            if (value.equals(option.path("value").asText())) {
                return true;
            }
        }
        return false;
    }

    private Optional<JsonNode> readForm(String formId) {
        ClassPathResource resource = new ClassPathResource("forms/" + formId + ".form");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            return Optional.of(json.readTree(in));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs as a demo user, for Spring Security (TaskWork, CurrentUser) and for the engine (authorizations, listeners). */
    public <T> T as(String user, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> g.getId())
                .toList();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user,
                        null,
                        groups.stream().map(SimpleGrantedAuthority::new).toList()));
        identity.setAuthentication(user, new ArrayList<>(groups));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
            SecurityContextHolder.clearContext();
        }
    }
}
