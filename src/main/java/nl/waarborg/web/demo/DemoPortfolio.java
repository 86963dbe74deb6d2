package nl.waarborg.web.demo;

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
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.identity.Groups;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import nl.waarborg.workflow.TaskWork;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * A small demo portfolio so that every screen shows something: a few systems of different departments, some driven
 * through the engine by the demo users until they wait at different gates. Idempotent (a system that exists by name is
 * left alone) and harmless: any failure is logged and the rest of start-up goes on. Only in the demo profile; tests
 * switch it off with waarborg.demo.seed=false.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "waarborg.demo.seed", havingValue = "true", matchIfMissing = true)
public class DemoPortfolio {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);
    private static final int MAX_STEPS = 60;

    /** Which demo user acts for which candidate group. */
    private static final Map<String, String> ACTOR = Map.of(Groups.PROJECT_LEAD, "lead", Groups.PRIVACY_OFFICER, "fg",
            Groups.ETHICS_COMMITTEE, "ethics", Groups.ALDERMAN, "alderman", Groups.ADMIN, "admin");

    /** A demo system and the task it should end up waiting at (null: registered only; "" start the cycle only). */
    record DemoSystem(String name, String department, String description, String waitAt, Map<String, Object> answers) {
    }

    static final List<DemoSystem> PORTFOLIO = List.of(
            new DemoSystem("Wmo-maatwerk toewijzen", "Sociaal Domein",
                    "Stelt voor welke Wmo-maatwerkvoorziening bij een aanvraag past; een consulent beslist.",
                    "privacy-officer-advice", Map.of("isAiSystem", true)),
            new DemoSystem("Signalering onrechtmatige bijstand", "Werk en Inkomen",
                    "Rangschikt bijstandsdossiers voor heronderzoek op basis van risicokenmerken.",
                    "ethics-committee-advice", Map.of("isAiSystem", true)),
            new DemoSystem("Scanauto parkeerhandhaving", "Stadsbeheer",
                    "Herkent kentekens en controleert of voor geparkeerde auto's is betaald.",
                    "alderman-decision", Map.of()),
            new DemoSystem("Chatbot klantcontact", "Publiekszaken",
                    "Beantwoordt eenvoudige vragen van inwoners over afval, paspoorten en parkeren.", "", Map.of()),
            new DemoSystem("Voorselectie sollicitaties", "Personeel en Organisatie",
                    "Ordent sollicitatiebrieven op relevante ervaring; nog in verkenning.", null, Map.of()));

    private final SystemRegistry systems;
    private final CycleService cycles;
    private final TaskWork tasks;
    private final IdentityService identity;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public DemoPortfolio(SystemRegistry systems, CycleService cycles, TaskWork tasks, IdentityService identity, AuditTrail audit,
                         ObjectMapper json) {
        this.systems = systems;
        this.cycles = cycles;
        this.tasks = tasks;
        this.identity = identity;
        this.audit = audit;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        for (DemoSystem demo : PORTFOLIO) {
            try {
                seed(demo);
            } catch (RuntimeException e) {
                log.warn("Demo portfolio: '{}' not (fully) prepared: {}", demo.name(), e.toString());
            }
        }
    }

    private void seed(DemoSystem demo) {
        if (systems.list().stream().anyMatch(s -> s.name().equals(demo.name()))) {
            return;
        }
        SystemRecord system = as("lead", () -> {
            SystemRecord created = systems.register(demo.name(), demo.description(), demo.department(), "lead");
            audit.record("SYSTEM_REGISTERED", "lead", created.id(), Map.of("name", created.name(), "department", created.department()));
            return created;
        });
        if (demo.waitAt() == null) {
            return;
        }
        as("lead", () -> cycles.startCycle(system.id(), "lead"));
        if (demo.waitAt().isEmpty()) {
            return;
        }
        for (int step = 0; step < MAX_STEPS; step++) {
            List<OpenStep> open = cycles.openSteps(system.id());
            if (open.isEmpty() || open.stream().anyMatch(s -> demo.waitAt().equals(s.activityId()))) {
                log.info("Demo portfolio: '{}' waits at {}", demo.name(), open.stream().map(OpenStep::activityId).toList());
                return;
            }
            OpenStep next = open.get(0);
            String user = ACTOR.getOrDefault(next.candidateGroup(), "lead");
            as(user, () -> {
                TaskWork.TaskView task = tasks.task(next.taskId());
                Map<String, Object> values = task.formId() == null ? new LinkedHashMap<>() : answers(task.formId(), user);
                values.putAll(demo.answers());
                if (task.assignee() == null) {
                    tasks.claim(next.taskId());
                }
                tasks.complete(next.taskId(), values);
                return null;
            });
        }
        log.warn("Demo portfolio: '{}' did not reach {} within {} steps", demo.name(), demo.waitAt(), MAX_STEPS);
    }

    /** Plausible answers for every field of a form; gates get a positive decision with a motivation. */
    Map<String, Object> answers(String formId, String user) {
        Map<String, Object> values = new LinkedHashMap<>();
        Optional<JsonNode> form = readForm(formId);
        form.ifPresent(f -> fill(f.path("components"), values));
        if (values.containsKey("decision")) {
            values.put("decision", "APPROVED");
            values.put("motivation", "Demo: positief, de risico's zijn voldoende beschreven en de maatregelen passen (" + user + ").");
            values.remove("conditions");
            values.remove("deviationMotivation");
            values.put("sendBackTo", List.of());
        }
        return values;
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
        String first = options.isArray() && !options.isEmpty() ? options.get(0).path("value").asText() : null;
        return switch (c.path("type").asText()) {
            case "textfield", "textarea" -> "Demo-antwoord: " + (label.length() > 60 ? label.substring(0, 60) : label);
            case "number" -> 1;
            case "checkbox" -> false;
            case "select", "radio" -> first;
            case "checklist", "taglist" -> first == null ? List.of() : List.of(first);
            case "datetime" -> LocalDate.now().plusMonths(3).toString();
            default -> null;
        };
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
    private <T> T as(String user, Supplier<T> work) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(g -> g.getId()).toList();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
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
