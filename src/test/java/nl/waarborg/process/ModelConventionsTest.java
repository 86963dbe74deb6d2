package nl.waarborg.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarborg.assessment.Gate;
import nl.waarborg.assessment.GoLiveDuties;
import nl.waarborg.identity.Groups;
import nl.waarborg.workflow.GoLiveChecks;
import nl.waarborg.workflow.ReworkParts;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * What every model and form in bpmn/ and forms/ must satisfy: executable, archival history TTL, a form per user task
 * that exists with the same id, gate forms with the gate fields, candidate groups of the contract, and a diagram that
 * Camunda Modeler can show: a shape per flow node, an edge per sequence flow, no edges crossing each other or running
 * through a shape, no label on another element's shape. Expressions in the models name a bean or read a variable; the
 * code behind them lives in the beans.
 */
class ModelConventionsTest {

    /** 10 years: assessment records are archived (Archiefwet); the operator's configured TTL overrides it (see ADR 0006). */
    static final int MINIMUM_HISTORY_DAYS = 3650;

    static final Path BPMN = Path.of("bpmn");
    static final Path FORMS = Path.of("forms");
    static final List<String> GATE_FIELDS = List.of("decision", "motivation", "conditions", "sendBackTo");
    static final List<String> DECISIONS = List.of("APPROVED", "APPROVED_WITH_CONDITIONS", "SENT_BACK", "REJECTED");
    static final ObjectMapper JSON = new ObjectMapper();

    static List<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(BPMN)) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
    }

    static JsonNode form(String id) {
        try {
            return JSON.readTree(FORMS.resolve(id + ".form").toFile());
        } catch (IOException e) {
            throw new AssertionError("Cannot read form " + id, e);
        }
    }

    /** Field keys of a form (dynamic lists by their path), in order. */
    static Map<String, JsonNode> fields(JsonNode form) {
        Map<String, JsonNode> fields = new HashMap<>();
        collect(form.path("components"), fields);
        return fields;
    }

    private static void collect(JsonNode components, Map<String, JsonNode> fields) {
        for (JsonNode c : components) {
            if ("dynamiclist".equals(c.path("type").asText())) {
                fields.put(c.path("path").asText(), c);
            } else if (c.hasNonNull("key")) {
                fields.put(c.path("key").asText(), c);
            } else if (c.has("components")) {
                collect(c.path("components"), fields);
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> everyProcessIsExecutableWithAnArchivalHistoryTimeToLive() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Bpmn.validateModel(model);
                    for (Process process : model.getModelElementsByType(Process.class)) {
                        assertThat(process.isExecutable())
                                .as("%s is executable", process.getId())
                                .isTrue();
                        assertThat(process.getCamundaHistoryTimeToLive())
                                .as("history TTL of %s (days)", process.getId())
                                .isNotNull()
                                .isGreaterThanOrEqualTo(MINIMUM_HISTORY_DAYS);
                        assertThat(process.getName())
                                .as("Dutch name of %s", process.getId())
                                .isNotBlank();
                    }
                }));
    }

    @Test
    void everyDecisionHasAnArchivalHistoryTimeToLive() {
        for (Decision decision :
                Dmn.readModelFromFile(BPMN.resolve("triage.dmn").toFile()).getModelElementsByType(Decision.class)) {
            assertThat(Integer.parseInt(decision.getCamundaHistoryTimeToLiveString()))
                    .as("TTL of decision %s", decision.getId())
                    .isGreaterThanOrEqualTo(MINIMUM_HISTORY_DAYS);
        }
    }

    /**
     * The forms a user task can show: its formRef, or for the go-live duties (formRef {@code ${goLiveDuty}}, one
     * instance per duty) the form of every duty.
     */
    static List<String> formsOf(UserTask task) {
        String ref = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
        if (("${" + GoLiveChecks.DUTY + "}").equals(ref)) {
            assertThat(task.getId()).isEqualTo(GoLiveChecks.DUTY_TASK);
            return Arrays.stream(GoLiveDuties.Duty.values())
                    .map(GoLiveDuties.Duty::code)
                    .toList();
        }
        return List.of(ref);
    }

    @TestFactory
    Stream<DynamicTest> everyUserTaskHasAnExistingFormAndAGroupOfTheContract() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Collection<UserTask> userTasks = model.getModelElementsByType(UserTask.class);
                    assertThat(userTasks).isNotEmpty();
                    for (UserTask task : userTasks) {
                        String formRef = task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                        assertThat(formRef).as("formRef of %s", task.getId()).isNotBlank();
                        assertThat(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRefBinding"))
                                .as("binding of %s", task.getId())
                                .isEqualTo("deployment");
                        for (String ref : formsOf(task)) {
                            assertThat(FORMS.resolve(ref + ".form"))
                                    .as("form of %s", task.getId())
                                    .exists();
                            assertThat(form(ref).path("id").asText())
                                    .as("id inside forms/%s.form", ref)
                                    .isEqualTo(ref);
                        }
                        assertThat(task.getCamundaCandidateGroups())
                                .as("candidate group of %s", task.getId())
                                .isIn(Groups.ALL);
                        assertThat(task.getName())
                                .as("name of %s", task.getId())
                                .isNotBlank();
                        assertThat(task.getId()).as("kebab-case id").matches("[a-z0-9]+(-[a-z0-9]+)*");
                        Gate.ofTask(task.getId())
                                .ifPresent(gate -> assertThat(task.getCamundaCandidateGroups())
                                        .isEqualTo(gate.candidateGroup()));
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> everyGateFormHasTheGateFields() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : models()) {
            BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
            Set<String> contentForms = new LinkedHashSet<>();
            List<UserTask> gates = new ArrayList<>();
            for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                if (Gate.ofTask(task.getId()).isPresent()) {
                    gates.add(task);
                } else if (task.getCamundaCandidateGroups().equals(Groups.PROJECT_LEAD) && hasContentListener(task)) {
                    contentForms.add(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"));
                }
            }
            for (UserTask gate : gates) {
                String ref = gate.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
                tests.add(DynamicTest.dynamicTest(ref, () -> {
                    Map<String, JsonNode> fields = fields(form(ref));
                    assertThat(fields).containsKeys(GATE_FIELDS.toArray(String[]::new));
                    assertThat(fields.get("decision").path("type").asText()).isEqualTo("select");
                    assertThat(fields.get("decision").path("values").findValuesAsText("value"))
                            .containsExactlyElementsOf(DECISIONS);
                    assertThat(fields.get("decision").path("values").findValuesAsText("label"))
                            .allSatisfy(l -> assertThat(l).isNotBlank());
                    assertThat(fields.get("motivation")
                                    .path("validate")
                                    .path("required")
                                    .asBoolean())
                            .as("motivation required")
                            .isTrue();
                    assertThat(fields.get("sendBackTo").path("type").asText()).isEqualTo("checklist");
                    // The reviewer can send back exactly the parts that can be reworked in this process
                    // (assessment-specific forms).
                    List<String> parts = fields.get("sendBackTo").path("values").findValuesAsText("value");
                    assertThat(parts)
                            .as("sendBackTo of %s", ref)
                            .isNotEmpty()
                            .allSatisfy(p -> assertThat(contentForms).contains(p));
                    // ... which are the parts the bridge derives from the model, and each has a way out of the rework
                    // split.
                    assertThat(parts)
                            .as("sendBackTo of %s = parts derived from the model", ref)
                            .isEqualTo(ReworkParts.before(gate));
                    assertThat(ReworkParts.after((FlowNode) model.getModelElementById("rework-split")))
                            .as("rework split of %s", path)
                            .containsAll(parts);
                    if (gate.getId().equals(Gate.ALDERMAN_DECISION.taskId())) {
                        assertThat(fields).containsKey("deviationMotivation");
                    }
                }));
            }
        }
        return tests.stream();
    }

    private static boolean hasContentListener(UserTask task) {
        return task.getExtensionElements() != null
                && task.getExtensionElements().getDomElement().getChildElements().stream()
                        .anyMatch(e -> "${contentTaskListener}".equals(e.getAttribute("delegateExpression")));
    }

    @Test
    void formsAreCamundaFormsTasklistCanRender() throws IOException {
        try (Stream<Path> files = Files.list(FORMS)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".form")).toList()) {
                JsonNode form = JSON.readTree(file.toFile());
                String name = file.getFileName().toString().replace(".form", "");
                assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(name);
                // form-js 1.13 in the Camunda 7.24 webapps supports schemaVersion 16 at most.
                assertThat(form.path("schemaVersion").asInt())
                        .as("schemaVersion of %s", file)
                        .isBetween(1, 16);
                assertThat(form.path("components").size()).isPositive();
            }
        }
    }

    /** Texts that show process variables: Waarborg's task page must hand them to the form, or they render empty. */
    @Test
    void theCatalogKnowsWhichVariablesAFormsTextsShow() {
        nl.waarborg.forms.FormCatalog catalog = new nl.waarborg.forms.FormCatalog(JSON);
        assertThat(catalog.form("action-point").orElseThrow().shownVariables())
                .containsExactlyInAnyOrder("actionPointWhat", "actionPointOwner");
        assertThat(catalog.form("iama-alderman-decision").orElseThrow().shownVariables())
                .contains(
                        "privacyOfficerDecision",
                        "privacyOfficerMotivation",
                        "privacyOfficerConditions",
                        "ethicsCommitteeDecision")
                .doesNotContain("decision", "motivation");
        assertThat(catalog.form("iama-part-1").orElseThrow().shownVariables())
                .doesNotContainAnyElementsOf(
                        catalog.form("iama-part-1").orElseThrow().fields().keySet());
    }

    /** Content forms of one process write into one set of process variables: their keys must not collide. */
    @TestFactory
    Stream<DynamicTest> contentFieldKeysAreUniqueWithinAProcess() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Map<String, String> owner = new HashMap<>();
                    Set<String> seen = new LinkedHashSet<>();
                    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
                        for (String ref : formsOf(task)) {
                            if (Gate.ofTask(task.getId()).isPresent() || !seen.add(ref)) {
                                continue;
                            }
                            for (String key : fields(form(ref)).keySet()) {
                                String previous = owner.putIfAbsent(key, ref);
                                assertThat(previous)
                                        .as("field %s of %s is also in %s", key, ref, previous)
                                        .isNull();
                            }
                        }
                    }
                }));
    }

    @TestFactory
    Stream<DynamicTest> diagramsShowEveryElementWithoutCrossings() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Map<String, Bounds> shapes = new HashMap<>();
                    for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                        shapes.put(shape.getBpmnElement().getId(), shape.getBounds());
                    }
                    Map<String, List<double[]>> edges = new HashMap<>();
                    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                        List<double[]> points = new ArrayList<>();
                        for (Waypoint w : edge.getWaypoints()) {
                            points.add(new double[] {w.getX(), w.getY()});
                        }
                        edges.put(((BaseElement) edge.getBpmnElement()).getId(), points);
                    }
                    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                        assertThat(shapes).as("shape for %s", node.getId()).containsKey(node.getId());
                    }
                    List<SequenceFlow> flows = new ArrayList<>(model.getModelElementsByType(SequenceFlow.class));
                    for (SequenceFlow flow : flows) {
                        assertThat(edges).as("edge for %s", flow.getId()).containsKey(flow.getId());
                        List<double[]> points = edges.get(flow.getId());
                        assertThat(points).as("waypoints of %s", flow.getId()).hasSizeGreaterThanOrEqualTo(2);
                        for (int i = 1; i < points.size(); i++) {
                            double[] a = points.get(i - 1);
                            double[] b = points.get(i);
                            assertThat(a[0] == b[0] || a[1] == b[1])
                                    .as("segment %d of %s is horizontal or vertical", i, flow.getId())
                                    .isTrue();
                            for (Map.Entry<String, Bounds> shape : shapes.entrySet()) {
                                if (shape.getKey().equals(flow.getSource().getId())
                                        || shape.getKey()
                                                .equals(flow.getTarget().getId())
                                        || isBoundaryOf(model, shape.getKey(), flow)) {
                                    continue;
                                }
                                assertThat(throughShape(a, b, shape.getValue()))
                                        .as("%s runs through %s", flow.getId(), shape.getKey())
                                        .isFalse();
                            }
                        }
                    }
                    for (int i = 0; i < flows.size(); i++) {
                        for (int j = i + 1; j < flows.size(); j++) {
                            List<double[]> p = edges.get(flows.get(i).getId());
                            List<double[]> q = edges.get(flows.get(j).getId());
                            for (int s = 1; s < p.size(); s++) {
                                for (int t = 1; t < q.size(); t++) {
                                    assertThat(crosses(p.get(s - 1), p.get(s), q.get(t - 1), q.get(t)))
                                            .as(
                                                    "%s crosses %s",
                                                    flows.get(i).getId(),
                                                    flows.get(j).getId())
                                            .isFalse();
                                }
                            }
                        }
                    }
                }));
    }

    /**
     * A reader follows a decision in the diagram by the names of its outgoing flows ("teruggestuurd", "deel 1"): every
     * flow that leaves a gateway with a choice is named and its name has a place in the diagram (bpmnlint's
     * label-required, checked here so that the normal build runs it).
     */
    @TestFactory
    Stream<DynamicTest> everyChoiceOfAGatewayIsNamedInTheDiagram() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Map<String, BpmnEdge> edges = new HashMap<>();
                    for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                        edges.put(((BaseElement) edge.getBpmnElement()).getId(), edge);
                    }
                    int choices = 0;
                    for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                        boolean choice = gateway instanceof ExclusiveGateway || gateway instanceof InclusiveGateway;
                        if (!choice || gateway.getOutgoing().size() < 2) {
                            continue; // a join, or a parallel split (all flows are taken)
                        }
                        for (SequenceFlow flow : gateway.getOutgoing()) {
                            choices++;
                            assertThat(flow.getName())
                                    .as("name of %s (leaves %s)", flow.getId(), gateway.getId())
                                    .isNotBlank();
                            BpmnEdge edge = edges.get(flow.getId());
                            assertThat(edge).as("edge of %s", flow.getId()).isNotNull();
                            assertThat(edge.getBpmnLabel())
                                    .as("label of %s in the diagram", flow.getId())
                                    .isNotNull();
                            Bounds label = edge.getBpmnLabel().getBounds();
                            assertThat(label)
                                    .as("place of the label of %s", flow.getId())
                                    .isNotNull();
                            // The name must be readable: not on top of a task, event or gateway.
                            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                                assertThat(overlaps(label, shape.getBounds()))
                                        .as(
                                                "label of %s lies on %s",
                                                flow.getId(),
                                                shape.getBpmnElement().getId())
                                        .isFalse();
                            }
                        }
                    }
                    assertThat(choices)
                            .as("flows that leave a gateway with a choice")
                            .isPositive();
                }));
    }

    /**
     * A label (the name of an event, gateway or flow) lies beside the shapes, never on another element's shape nor
     * under another flow, and every such name has a place in the diagram, so Camunda Modeler and the rendered diagrams
     * show it where it was put.
     */
    @TestFactory
    Stream<DynamicTest> labelsLieClearOfOtherShapes() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    BpmnModelInstance model = Bpmn.readModelFromFile(path.toFile());
                    Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
                    Collection<BpmnEdge> edges = model.getModelElementsByType(BpmnEdge.class);
                    List<String> problems = new ArrayList<>();
                    int labels = 0;
                    for (BpmnShape shape : shapes) {
                        if (shape.getBpmnElement() instanceof Event || shape.getBpmnElement() instanceof Gateway) {
                            labels += checkLabel(shape.getBpmnElement(), shape.getBpmnLabel(), shapes, edges, problems);
                        }
                    }
                    for (BpmnEdge edge : edges) {
                        labels += checkLabel(edge.getBpmnElement(), edge.getBpmnLabel(), shapes, edges, problems);
                    }
                    assertThat(problems).as("labels of %s", path.getFileName()).isEmpty();
                    assertThat(labels)
                            .as("labels checked in %s", path.getFileName())
                            .isPositive();
                }));
    }

    private static int checkLabel(
            BaseElement element,
            BpmnLabel label,
            Collection<BpmnShape> shapes,
            Collection<BpmnEdge> edges,
            List<String> problems) {
        String name = element.getAttributeValue("name");
        if (name == null || name.isBlank()) {
            return 0;
        }
        if (label == null || label.getBounds() == null) {
            problems.add(element.getId() + " ('" + name + "') has no label bounds in the diagram");
            return 0;
        }
        double[] text = renderedText(name, label.getBounds());
        for (BpmnShape other : shapes) {
            if (other.getBpmnElement() == element) {
                continue;
            }
            Bounds b = other.getBounds();
            if (overlaps(label.getBounds(), b)
                    || overlaps(
                            text,
                            new double[] {b.getX(), b.getY(), b.getX() + b.getWidth(), b.getY() + b.getHeight()})) {
                problems.add("label of " + element.getId() + " ('" + name + "') lies on "
                        + other.getBpmnElement().getId());
            }
        }
        for (BpmnEdge edge : edges) {
            List<Waypoint> points = List.copyOf(edge.getWaypoints());
            for (int i = 1; i < points.size() && edge.getBpmnElement() != element; i++) {
                double[] a = {points.get(i - 1).getX(), points.get(i - 1).getY()};
                double[] b = {points.get(i).getX(), points.get(i).getY()};
                if (overlaps(text, new double[] {
                    Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])
                })) {
                    problems.add("label of " + element.getId() + " ('" + name + "') lies under "
                            + ((BaseElement) edge.getBpmnElement()).getId());
                    break;
                }
            }
        }
        return 1;
    }

    /** Widest line of an external label in bpmn-js (Camunda Modeler, Cockpit): longer names wrap. */
    static final double LABEL_WIDTH = 90;
    /** Line height of an external label: 11px Arial, line height 1.2. */
    static final double LABEL_LINE = 13.2;

    /**
     * Where bpmn-js draws a label's text (x1, y1, x2, y2): centred on the label's bounds, from their top, wrapped at
     * 90px. The text can be wider or taller than the bounds in the file, so those alone do not tell whether it lies on
     * a shape. Widths are those of 11px Arial, rounded up.
     */
    static double[] renderedText(String name, Bounds bounds) {
        List<Double> lines = new ArrayList<>();
        double line = 0;
        for (String word : name.split(" ")) {
            double width = textWidth(word);
            if (line > 0 && line + textWidth(" ") + width > LABEL_WIDTH) {
                lines.add(line);
                line = width;
            } else {
                line += (line > 0 ? textWidth(" ") : 0) + width;
            }
        }
        lines.add(line);
        double width = Math.min(
                LABEL_WIDTH,
                lines.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        double centre = bounds.getX() + bounds.getWidth() / 2;
        return new double[] {
            centre - width / 2, bounds.getY(), centre + width / 2, bounds.getY() + lines.size() * LABEL_LINE
        };
    }

    static double textWidth(String text) {
        double width = 0;
        for (char c : text.toCharArray()) {
            if ("iljI.,:;!'|".indexOf(c) >= 0) {
                width += 2.5;
            } else if ("trf -()/".indexOf(c) >= 0) {
                width += 3.7;
            } else if ("mwMW".indexOf(c) >= 0) {
                width += 9.2;
            } else if (Character.isUpperCase(c)) {
                width += 7.5;
            } else if ("scvkxyz".indexOf(c) >= 0) {
                width += 5.5;
            } else {
                width += 6.2;
            }
        }
        return width;
    }

    /** Whether a box (x1, y1, x2, y2) shares more than a border with another. */
    static boolean overlaps(double[] a, double[] b) {
        return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
    }

    /** An expression in the model (EL between ${ } or #{ }), as attribute value or element text. */
    static final Pattern EXPRESSION = Pattern.compile("[$#]\\{[^}]*}");
    /** A method call with at least one argument, such as {@code bean.method(execution)}. */
    static final Pattern CALL_WITH_ARGUMENTS = Pattern.compile("[A-Za-z_][\\w.]*\\s*\\(\\s*[^\\s)]");
    /** A listener or task that runs an expression instead of naming a bean. */
    static final Pattern CODE_ATTRIBUTE = Pattern.compile("(?<![A-Za-z])(camunda:)?expression=\"");

    /**
     * No code in the models: a listener, service task or condition names a bean ({@code delegateExpression}) or reads
     * a variable, so a reader sees what happens without reading Java. No {@code setVariable(}, no method call with
     * arguments (which also rules out {@code execution.} calls with arguments and calls with several arguments); a
     * timer may ask a bean for a date without arguments ({@code ${gateSla.dueDate()}}).
     */
    @TestFactory
    Stream<DynamicTest> expressionsNameBeansOrReadVariables() throws IOException {
        return models().stream()
                .map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                    String xml = Files.readString(path);
                    List<String> problems = new ArrayList<>();
                    Matcher expressions = EXPRESSION.matcher(xml);
                    int count = 0;
                    while (expressions.find()) {
                        count++;
                        String expression = expressions.group();
                        if (expression.contains("setVariable(")) {
                            problems.add(expression + " sets a variable");
                        }
                        if (CALL_WITH_ARGUMENTS.matcher(expression).find()) {
                            problems.add(expression + " calls a method with arguments");
                        }
                    }
                    Matcher attributes = CODE_ATTRIBUTE.matcher(xml);
                    while (attributes.find()) {
                        int line = xml.substring(0, attributes.start()).split("\n", -1).length;
                        problems.add("line " + line + " runs an expression instead of a delegateExpression");
                    }
                    assertThat(problems)
                            .as("expressions in %s", path.getFileName())
                            .isEmpty();
                    assertThat(count)
                            .as("expressions found in %s", path.getFileName())
                            .isPositive();
                }));
    }

    /** Whether two boxes share more than a border. */
    static boolean overlaps(Bounds a, Bounds b) {
        return a.getX() < b.getX() + b.getWidth()
                && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight()
                && b.getY() < a.getY() + a.getHeight();
    }

    /** A flow that leaves a boundary event may start on its host's border. */
    private static boolean isBoundaryOf(BpmnModelInstance model, String shapeId, SequenceFlow flow) {
        return flow.getSource() instanceof org.camunda.bpm.model.bpmn.instance.BoundaryEvent boundary
                && boundary.getAttachedTo().getId().equals(shapeId);
    }

    /** Whether an axis-parallel segment passes through the inside of a shape (touching the border is fine). */
    static boolean throughShape(double[] a, double[] b, Bounds bounds) {
        double x1 = bounds.getX() + 1;
        double y1 = bounds.getY() + 1;
        double x2 = bounds.getX() + bounds.getWidth() - 1;
        double y2 = bounds.getY() + bounds.getHeight() - 1;
        double minX = Math.min(a[0], b[0]);
        double maxX = Math.max(a[0], b[0]);
        double minY = Math.min(a[1], b[1]);
        double maxY = Math.max(a[1], b[1]);
        return maxX > x1 && minX < x2 && maxY > y1 && minY < y2;
    }

    /** Whether a horizontal and a vertical segment cross at a point inside both (not where one merely ends on the other). */
    static boolean crosses(double[] a, double[] b, double[] c, double[] d) {
        boolean firstHorizontal = a[1] == b[1];
        boolean secondHorizontal = c[1] == d[1];
        if (firstHorizontal == secondHorizontal) {
            return false; // parallel: overlapping trunks of a fan-out are allowed
        }
        double[] h1 = firstHorizontal ? a : c;
        double[] h2 = firstHorizontal ? b : d;
        double[] v1 = firstHorizontal ? c : a;
        double[] v2 = firstHorizontal ? d : b;
        double x = v1[0];
        double y = h1[1];
        return x > Math.min(h1[0], h2[0])
                && x < Math.max(h1[0], h2[0])
                && y > Math.min(v1[1], v2[1])
                && y < Math.max(v1[1], v2[1]);
    }
}
