package nl.waarborg.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.GoLiveCheckRecords;
import nl.waarborg.assessment.GoLiveDuties.Duty;
import nl.waarborg.assessment.SegregationOfDutiesException;
import nl.waarborg.assessment.Signature;
import nl.waarborg.assessment.TriageDecisions;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.assessment.VersionStatus;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.forms.FormCatalog;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.support.EngineClock;
import nl.waarborg.support.TestDatabases;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.PhaseEntryRefusedException;
import nl.waarborg.system.SystemRecord.Phase;
import nl.waarborg.system.SystemRecord.Status;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.system.SystemTeam;
import nl.waarborg.workflow.UnknownSystemException;
import nl.waarborg.workflow.rules.GoLiveRequirements;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestPropertySource;

/**
 * Every path through assessment-cycle, iama and dpia with the real bridge beans, engine and database (H2 and PostgreSQL).
 * Content is filled in as "lead" (project-lead), gates are decided as "fg", "ethics" and "alderman"; timers are run by hand
 * (the job executor is off in tests). Process test coverage of this class must be 100% (ProcessCoverageTestConfiguration).
 */
@WaarborgIntegrationTest
// Its own context (coverage plugin) under its own engine name: /engine-rest and the webapps of the shared context
// look engines up by name, and a second engine called "default" would take their place.
@TestPropertySource(properties = {"waarborg.test.process-coverage=true", "camunda.bpm.process-engine-name=coverage"})
class AssessmentProcessPathsTest {

    @RegisterExtension
    final EngineClock clock = new EngineClock();

    @Autowired
    ProcessEngine engine;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identity;

    @Autowired
    ManagementService management;

    @Autowired
    SystemRegistry systems;

    @Autowired
    AssessmentService assessments;

    @Autowired
    TriageRecords triageService;

    @Autowired
    AssessmentReads reads;

    @Autowired
    AuditTrail audit;

    @Autowired
    SystemTeam team;

    @Autowired
    FormCatalog forms;

    @Autowired
    GoLiveCheckRecords goLiveChecks;

    @Autowired
    TriageDecisions triageDecisions;

    @Autowired
    nl.waarborg.workflow.IncidentRecords incidents;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        identity.clearAuthentication();
        System.out.println("[waarborg-test] AssessmentProcessPathsTest on " + TestDatabases.name());
    }

    @AfterEach
    void tearDown() {
        identity.clearAuthentication();
    }

    // ------------------------------------------------------------------ helpers

    String newSystem() {
        return systems.register("Systeem " + UUID.randomUUID(), "Proefsysteem", "Sociaal Domein", "lead")
                .id();
    }

    ProcessInstance startCycle(String systemId) {
        return runtime.startProcessInstanceByKey("assessment-cycle", systemId);
    }

    ProcessInstance startAssessment(String key, String systemId) {
        return runtime.startProcessInstanceByKey(key, systemId, Map.of("round", 1));
    }

    static Object json(String json) {
        return SpinValues.jsonValue(json).create();
    }

    Task task(String systemId, String key) {
        List<Task> found = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(key)
                .list();
        assertThat(found).as("open task %s", key).hasSize(1);
        return found.get(0);
    }

    List<String> openTaskKeys(String systemId) {
        return taskService.createTaskQuery().processInstanceBusinessKey(systemId).list().stream()
                .map(Task::getTaskDefinitionKey)
                .sorted()
                .toList();
    }

    void completeAs(String user, String group, Task task, Map<String, Object> variables) {
        identity.setAuthentication(user, List.of(group));
        try {
            taskService.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    void lead(String systemId, String key, Map<String, Object> variables) {
        completeAs("lead", "project-lead", task(systemId, key), variables);
    }

    static Map<String, Object> gateInput(String decision, String motivation) {
        Map<String, Object> v = new HashMap<>();
        v.put("decision", decision);
        v.put("motivation", motivation);
        return v;
    }

    void decide(String systemId, String gate, String decision) {
        decide(systemId, gate, gateInput(decision, "Motivering: " + decision));
    }

    void decide(String systemId, String gate, Map<String, Object> input) {
        String[] who = switch (gate) {
            case "privacy-officer-advice" -> new String[] {"fg", "privacy-officer"};
            case "ethics-committee-advice" -> new String[] {"ethics", "ethics-committee"};
            default -> new String[] {"alderman", "alderman"};
        };
        Task task = task(systemId, gate);
        if ("alderman-decision".equals(gate) && !"SENT_BACK".equals(input.get("decision"))) {
            // The governance fields a careful alderman gives (ADR 0035), unless the test gives its own.
            Map<String, Object> withGovernance = new HashMap<>(input);
            nl.waarborg.demo.DemoDriver.governance(taskService.getVariables(task.getId()))
                    .forEach((k, v) -> withGovernance.putIfAbsent(k, nl.waarborg.engine.VariableValues.toVariable(v)));
            if (input.get("conditions") instanceof String conditions) {
                // The alderman's own conditions become action points (ADR 0043): each with an owner and a due date.
                withGovernance.putIfAbsent(
                        "ownConditionActions",
                        nl.waarborg.engine.VariableValues.toVariable(conditions
                                .lines()
                                .map(c -> Map.of(
                                        "condition",
                                        c,
                                        "owner",
                                        "Team",
                                        "dueDate",
                                        java.time.LocalDate.now().plusMonths(1).toString()))
                                .toList()));
            }
            input = withGovernance;
        }
        completeAs(who[0], who[1], task, input);
    }

    void sendBack(String systemId, String gate, String remark, String... parts) {
        Map<String, Object> input = gateInput("SENT_BACK", remark);
        input.put("sendBackTo", json("[\"" + String.join("\",\"", parts) + "\"]"));
        decide(systemId, gate, input);
    }

    /** The field that a refusal (400) names. */
    static String refusedField(Runnable action) {
        Throwable refused = refusal(action);
        assertThat(refused).isInstanceOf(InvalidInputException.class);
        return ((InvalidInputException) refused).field();
    }

    static Throwable refusal(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected the engine to refuse");
    }

    void runJob(String processInstanceId, String activityId) {
        Job job = management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(activityId)
                .singleResult();
        assertThat(job).as("timer job of %s", activityId).isNotNull();
        management.executeJob(job.getId());
    }

    ProcessInstance calledInstance(ProcessInstance parent, String key) {
        return runtime.createProcessInstanceQuery()
                .superProcessInstanceId(parent.getId())
                .processDefinitionKey(key)
                .singleResult();
    }

    // ---- triage answers

    static Map<String, Object> triage() {
        return TriageAnswers.neutral();
    }

    /**
     * Annex III point 5(a) with profiling (so personal data and evaluation/scoring): the IAMA is required as FRIA, the
     * DPIA only recommended (one WP248 criterion, Art. 26(9)), high-risk AI, category A.
     */
    static Map<String, Object> highRiskAiTriage() {
        Map<String, Object> v = triage();
        v.put("isAiSystem", "YES");
        v.put("annexIiiArea", "ESSENTIAL_SERVICES");
        v.put("profilesPersons", "YES");
        v.put("processesPersonalData", "YES");
        v.put("edpbEvaluationScoring", "YES");
        return v;
    }

    /** An impactful rule-based algorithm on the DPA's list (fraud prevention): IAMA and DPIA, category B. */
    static Map<String, Object> impactfulWithPersonalDataTriage() {
        Map<String, Object> v = triage();
        v.put("legalEffects", "YES");
        v.put("processesPersonalData", "YES");
        v.put("dpaListType", "FRAUD_PREVENTION");
        return v;
    }

    // ---- assessment content

    static Map<String, Object> iamaPart(int part) {
        Map<String, Object> v = new HashMap<>();
        switch (part) {
            case 1 -> {
                v.put("part1Reason", "Te lange doorlooptijden");
                v.put("part1Goal", "Binnen vier weken beslissen");
                v.put("part1LegalBasis", "Participatiewet");
                v.put("part1Responsibilities", "Afdelingshoofd Werk en Inkomen");
            }
            case 2 -> {
                v.put("part2AlgorithmType", "RULE_BASED");
                v.put("part2ProductionData", "Aanvraaggegevens");
                v.put("part2QualityMetrics", "Foutpercentage onder 2%");
            }
            case 3 -> {
                v.put("part3DeployerProcess", "Intake van bijstandsaanvragen");
                v.put("part3UsePeriodFrequency", "Dagelijks, vanaf 2027");
                v.put("part3AffectedGroups", "Aanvragers van bijstand");
                v.put("part3HumanOversight", "Consulent beslist altijd zelf");
            }
            case 4 -> {
                v.put(
                        "part4Rights",
                        json("[{\"right\":\"non-discriminatie\",\"impact\":\"NEGATIVE\",\"rightWeight\":\"CORE\","
                                + "\"infringementExtent\":\"FAR_REACHING\",\"infringementSeverity\":\"SERIOUS\"}]"));
                v.put("part4SpecificRisks", "Indirecte discriminatie op postcode");
                v.put("part4Effectiveness", "Getest op historische aanvragen");
                v.put("part4NecessitySubsidiarity", "Geen minder ingrijpend alternatief");
                v.put("part4RiskResponse", "Klachtenregeling en kwartaalaudit");
            }
            default -> {
                v.put("part5Balance", "Opbrengst weegt op tegen de risico's");
                v.put("part5Advice", "DEPLOY_WITH_CONDITIONS");
                v.put("part5ResidualRisks", "Restrisico op fouten bij afwijkende situaties");
            }
        }
        v.put(
                "part" + part + "ActionPoints",
                json(
                        part == 1
                                ? "[{\"what\":\"Bias-toets uitvoeren\",\"owner\":\"Team Data\",\"dueDate\":\""
                                        + java.time.LocalDate.now().plusMonths(3) + "\"}]"
                                : "[]"));
        v.putAll(nl.waarborg.forms.ModelQuestionAnswers.iama(part));
        return v;
    }

    void fillIama(String systemId) {
        for (int part = 1; part <= 5; part++) {
            lead(systemId, "fill-in-iama-part-" + part, iamaPart(part));
        }
    }

    void approveIama(String systemId) {
        decide(systemId, "privacy-officer-advice", "APPROVED");
        decide(systemId, "ethics-committee-advice", "APPROVED");
        decide(systemId, "alderman-decision", "APPROVED");
    }

    static Map<String, Object> dpiaSection(String section, String residualRisk) {
        Map<String, Object> v = new HashMap<>();
        switch (section) {
            case "a" -> {
                v.put("sectionAProposal", "Signalering van onrechtmatige bijstand");
                v.put("sectionAPersonalData", "NAW, BSN, inkomen");
                v.put("sectionAProcessing", "Vergelijken met registraties");
                v.put("sectionAPurposes", "Rechtmatige verstrekking");
                v.put("sectionARetention", "Vijf jaar");
            }
            case "b" -> {
                v.put("sectionBLegalBasis", "Artikel 6 lid 1 onder e AVG");
                v.put("sectionBPurposeLimitation", "Alleen voor rechtmatigheid");
                v.put("sectionBNecessity", "Geen alternatief");
                v.put("sectionBDataSubjectRights", "Via het loket");
            }
            case "c" ->
                v.put(
                        "sectionCRisks",
                        json("[{\"riskId\":\"R1\",\"risk\":\"Onterechte verdenking\",\"likelihood\":\"MEDIUM\","
                                + "\"impact\":\"HIGH\",\"level\":\"HIGH\",\"origin\":\"Onvolledige registraties\"}]"));
            default -> {
                v.put(
                        "sectionDMeasures",
                        json(
                                "[{\"riskId\":\"R1\",\"measure\":\"Menselijke toets\",\"owner\":\"Teamleider\",\"residualRisk\":\""
                                        + residualRisk + "\"}]"));
                v.put("sectionDResidualJustification", "Toets door twee consulenten");
                v.put("sectionDActionPoints", json("[]"));
            }
        }
        v.putAll(nl.waarborg.forms.ModelQuestionAnswers.dpia(section.charAt(0)));
        return v;
    }

    void fillDpia(String systemId, String residualRisk) {
        for (String section : List.of("a", "b", "c", "d")) {
            lead(systemId, "fill-in-dpia-section-" + section, dpiaSection(section, residualRisk));
        }
    }

    AssessmentVersion version(String systemId, AssessmentType type, int number) {
        String id = reads.assessmentsOf(systemId).stream()
                .filter(a -> a.type() == type)
                .findFirst()
                .orElseThrow()
                .id();
        return reads.version(id, number).orElseThrow();
    }

    // ---- go-live duties (ADR 0031)

    /** The open instance of go-live-duty for this duty. */
    Task dutyTask(String systemId, Duty duty) {
        List<Task> found = taskService
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("go-live-duty")
                .list()
                .stream()
                .filter(t -> duty.code().equals(taskService.getVariable(t.getId(), "goLiveDuty")))
                .toList();
        assertThat(found).as("open go-live duty %s", duty).hasSize(1);
        return found.get(0);
    }

    /** The open go-live duties of the system, by the name of their task without the system's (ADR 0047). */
    List<String> openDutyNames(String systemId) {
        String system = systems.get(systemId).name();
        return taskService
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("go-live-duty")
                .list()
                .stream()
                .map(t -> nl.waarborg.shared.TaskNames.withoutSystem(t.getName(), system))
                .sorted()
                .toList();
    }

    /** The answers of a duty's form: its confirmation as given, every other field filled in (a date: today). */
    Map<String, Object> dutyAnswers(Duty duty, boolean confirmed) {
        Map<String, Object> v = new HashMap<>();
        forms.form(duty.code())
                .orElseThrow()
                .inputs()
                .forEach(field -> v.put(
                        field.key(),
                        switch (field.type()) {
                            case "datetime" ->
                                LocalDate.now(GoLiveRequirements.ZONE).toString();
                            case "radio", "select" -> field.options().iterator().next();
                            default -> "Bewijs voor " + field.key();
                        }));
        v.put(duty.confirmation(), confirmed);
        return v;
    }

    /** The answers of the check "go-live-persons-informed": how and when, with evidence (Art. 26(11)). */
    static Map<String, Object> personsInformed(String how) {
        return Map.of(
                "personsInformed",
                true,
                "personsInformedHow",
                how,
                "personsInformedWhen",
                "Bij de ontvangstbevestiging van de aanvraag",
                "personsInformedEvidence",
                "Voorbeeldbrief 2027-01");
    }

    /** Completes every open instance of go-live-duty with its answers. */
    void completeOpenDuties(String systemId) {
        for (Task t : taskService
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey("go-live-duty")
                .list()) {
            Duty duty = Duty.ofCode(taskService.getVariable(t.getId(), "goLiveDuty"))
                    .orElseThrow();
            completeAs("lead", "project-lead", t, dutyAnswers(duty, true));
        }
    }

    /** The names of the go-live duties of a deployer of high-risk AI that apply in every case (Art. 26(1), (2), (4)). */
    static final List<String> DEPLOYER_DUTY_NAMES = List.of(
            "Controle: gebruik volgens de gebruiksaanwijzing (art. 26 lid 1)",
            "Controle: inputdata relevant en representatief (art. 26 lid 4)",
            "Controle: menselijk toezicht toegewezen (art. 26 lid 2)");

    void completeDuty(String systemId, Duty duty) {
        completeAs("lead", "project-lead", dutyTask(systemId, duty), dutyAnswers(duty, true));
    }

    void completeHighRiskChecks(String systemId) {
        lead(systemId, "go-live-eu-database", Map.of("euDatabaseRegistered", true, "euDatabaseReference", "EU-123"));
        lead(systemId, "go-live-fria-notification", Map.of("friaNotified", true, "friaNotificationReference", "MT-9"));
        lead(
                systemId,
                "go-live-algorithm-register",
                Map.of("registerEntryPublished", true, "registerEntryLink", "https://algoritmes.example/1"));
        lead(systemId, "go-live-persons-informed", personsInformed("Brief bij beschikking"));
        lead(systemId, "go-live-log-retention", Map.of("logsRetained", true, "logRetentionMonths", 12));
    }

    // ---- what follows the triage (process triage-outcome, ADR 0030)

    /** The owner starts the recommended assessment ("dpia" or "iama") in this round. */
    void start(String systemId, String type) {
        lead(systemId, "choose-" + type, Map.of(type + "Choice", "START"));
    }

    /** The owner declines the recommended assessment with reasons. */
    void decline(String systemId, String type) {
        lead(systemId, "choose-" + type, Map.of(type + "Choice", "DECLINE", type + "ChoiceReasons", "Laag risico"));
    }

    /** The adviser of the decline (the FG for the DPIA, the ethics committee for the IAMA) advises. */
    void adviseOnDecline(String systemId, String type, String advice) {
        String[] who = type.equals("dpia")
                ? new String[] {"fg", "privacy-officer"}
                : new String[] {"ethics", "ethics-committee"};
        completeAs(
                who[0],
                who[1],
                task(systemId, "advise-" + type + "-decline"),
                Map.of(type + "DeclineAdvice", advice, type + "DeclineAdviceMotivation", "Advies: " + advice));
    }

    /** The high-risk triage recommends a DPIA: declined, the FG agrees (so only the required IAMA runs). */
    void declineDpiaWithAdvice(String systemId) {
        decline(systemId, "dpia");
        adviseOnDecline(systemId, "dpia", "AGREED");
    }

    List<String> triageSteps(String systemId) {
        return triageDecisions.entries(systemId, 1).stream()
                .map(e -> e.subject() + " " + e.step() + " " + e.outcome() + " " + e.user())
                .toList();
    }

    // ================================================================== assessment-cycle

    @Test
    @DisplayName(
            "Bijlage III punt 2 (kritieke infrastructuur): IAMA aanbevolen, go-live zonder EU-databank en zonder FRIA-melding")
    void criticalInfrastructureGoesLiveWithoutEuRegistrationOrFriaNotification() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = triage();
        answers.put("isAiSystem", "YES");
        answers.put("annexIiiArea", "CRITICAL_INFRASTRUCTURE");
        lead(system, "fill-in-triage", answers);
        assertThat(cycle)
                .variables()
                .containsEntry("highRiskAi", true)
                .containsEntry("friaRequired", false)
                .containsEntry("euRegistration", "NONE")
                .containsEntry("iamaAdvice", "RECOMMENDED")
                .containsEntry("iamaRequired", false);
        // Recommended, not required: the owner starts it.
        start(system, "iama");
        fillIama(system);
        approveIama(system);
        lead(system, "complete-action-point", Map.of("actionPointResult", "Gedaan"));
        assertThat(openTaskKeys(system))
                .containsExactly("go-live-algorithm-register", "go-live-log-retention", "go-live-persons-informed");
    }

    @Test
    @DisplayName(
            "Hoog-risico AI: pre-scan, IAMA, actiepunt, vijf go-livecontroles, Evalueren en na de evaluatiedatum ronde 2")
    void highRiskAiRunsThroughImplementToEvaluateAndTheReviewDateStartsANewRound() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        assertThat(cycle).isWaitingAt("fill-in-triage");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.DEVELOP);

        lead(system, "fill-in-triage", highRiskAiTriage());
        assertThat(cycle).hasPassed("evaluate-triage").isWaitingAt("settle-triage-outcome");
        assertThat(openTaskKeys(system)).containsExactly("choose-dpia");
        declineDpiaWithAdvice(system);
        assertThat(cycle).isWaitingAt("run-iama");
        assertThat(cycle)
                .variables()
                .containsEntry("highRiskAi", true)
                .containsEntry("publicationCategory", "A")
                .containsEntry("iamaRequired", true)
                .containsEntry("dpiaRequired", false);
        assertThat(systems.get(system).publicationCategory()).isEqualTo("A");
        assertThat(triageService.triageOf(system, 1))
                .hasValueSatisfying(t -> assertThat(t.get("outcome").toString()).contains("iamaRequired=true"));

        ProcessInstance iama = calledInstance(cycle, "iama");
        assertThat(iama.getBusinessKey()).isEqualTo(system);
        fillIama(system);
        approveIama(system);
        assertThat(iama).isEnded();
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.APPROVED);

        assertThat(cycle).hasPassed("prepare-implementation").isWaitingAt("complete-action-point");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.IMPLEMENT);
        Task actionPoint = task(system, "complete-action-point");
        assertThat(actionPoint.getName())
                .isEqualTo("Actiepunt: Bias-toets uitvoeren - "
                        + systems.get(system).name());
        lead(system, "complete-action-point", Map.of("actionPointResult", "Toets gedaan, geen afwijkingen"));

        assertThat(openTaskKeys(system))
                .containsExactly(
                        "go-live-algorithm-register",
                        "go-live-eu-database",
                        "go-live-fria-notification",
                        "go-live-log-retention",
                        "go-live-persons-informed");
        // A go-live check is only done when confirmed, and logs are kept at least six months.
        assertThat(refusal(() -> lead(
                        system,
                        "go-live-eu-database",
                        Map.of("euDatabaseRegistered", false, "euDatabaseReference", "x"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("euDatabaseRegistered");
        assertThat(refusal(() ->
                        lead(system, "go-live-log-retention", Map.of("logsRetained", true, "logRetentionMonths", 3))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("logRetentionMonths");
        lead(system, "go-live-eu-database", Map.of("euDatabaseRegistered", true, "euDatabaseReference", "EU-123"));
        lead(system, "go-live-fria-notification", Map.of("friaNotified", true, "friaNotificationReference", "MT-9"));
        lead(
                system,
                "go-live-algorithm-register",
                Map.of("registerEntryPublished", true, "registerEntryLink", "https://algoritmes.example/1"));
        assertThat(refusal(() -> lead(
                        system,
                        "go-live-persons-informed",
                        Map.of("personsInformed", true, "personsInformedHow", "Brief bij beschikking"))))
                .as("how, when and evidence (Art. 26(11)), not a box only")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("personsInformedWhen");
        lead(system, "go-live-persons-informed", personsInformed("Brief bij beschikking"));
        assertThat(cycle).isWaitingAt("go-live-log-retention");
        lead(system, "go-live-log-retention", Map.of("logsRetained", true, "logRetentionMonths", 12));

        // The deployer's duties (Art. 26(1), (2), (4); not at the workplace, no DPIA, no significant decisions).
        assertThat(cycle).hasPassed("go-live-join").isWaitingAt("go-live-duty");
        assertThat(openDutyNames(system)).containsExactlyElementsOf(DEPLOYER_DUTY_NAMES);
        completeOpenDuties(system);
        assertThat(cycle).isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.EVALUATE);
        Job review = management
                .createJobQuery()
                .processInstanceId(cycle.getId())
                .activityId("review-date-reached")
                .singleResult();
        assertThat(review.getDuedate().toInstant())
                .isCloseTo(Instant.now().plus(Duration.ofDays(365)), within(2, ChronoUnit.DAYS));

        runJob(cycle.getId(), "review-date-reached");
        assertThat(cycle).hasPassed("start-next-round").isWaitingAt("fill-in-triage");
        assertThat(cycle).variables().containsEntry("round", 2).containsEntry("triggerType", "PERIODIC");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.DEVELOP);

        // Round 2's pre-scan asks for nothing; the IAMA that round 1 approved is not dropped unnoticed but becomes a
        // recommended assessment: declining it needs reasons and the ethics committee's advice. The DPIA that round 1
        // declined stays as the triage says.
        lead(system, "fill-in-triage", triage());
        assertThat(cycle).isWaitingAt("settle-triage-outcome");
        assertThat(openTaskKeys(system)).containsExactly("choose-iama");
        assertThat(triageService.triageOf(system, 2))
                .hasValueSatisfying(t -> assertThat(t.get("outcome").toString())
                        .contains("iamaAdvice=RECOMMENDED", "dpiaAdvice=NOT_REQUIRED")
                        .contains("iamaReason="
                                + nl.waarborg.assessment.TriageChoices.EARLIER_ROUND_REASON.get(AssessmentType.IAMA)));
        lead(system, "choose-iama", Map.of("iamaChoice", "DECLINE", "iamaChoiceReasons", "Geen profilering meer"));
        assertThat(openTaskKeys(system)).containsExactly("advise-iama-decline");
    }

    @Test
    @DisplayName(
            "Chatbot met deepfakes van een leverancier: art. 50 lid 1 controleren bij de aanbieder, lid 4 zelf doen; pas dan in gebruik")
    void transparencyDutiesOfADeployerAreGoLiveChecks() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = triage();
        answers.put("isAiSystem", "YES");
        answers.put("transparencyInteraction", "YES");
        answers.put("transparencyDeepfake", "YES");
        lead(system, "fill-in-triage", answers);
        assertThat(cycle)
                .variables()
                .containsEntry("aiActClass", "TRANSPARENCY")
                .containsEntry("aiActRole", "DEPLOYER")
                .containsEntry("art50Duties", "INTERACTION,DEEPFAKE")
                .containsEntry("highRiskAi", false);
        // No assessment, no action point, not high-risk: straight to the duties.
        assertThat(cycle).hasPassed("ready-for-use").isWaitingAt("go-live-duty");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.IMPLEMENT);
        assertThat(openDutyNames(system))
                .containsExactly(
                        "Controle: aanbieder informeert over AI-interactie (art. 50 lid 1)",
                        "Controle: deepfakes bekendmaken als kunstmatig (art. 50 lid 4)");

        // Not done without its confirmation; and the system cannot be put into use around the open checks.
        assertThat(refusal(() -> completeAs(
                        "lead",
                        "project-lead",
                        dutyTask(system, Duty.ART50_4_DEEPFAKE),
                        dutyAnswers(Duty.ART50_4_DEEPFAKE, false))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deepfakeDisclosed");
        assertThatThrownBy(() -> systems.moveTo(system, Phase.EVALUATE, Status.IN_USE, null))
                .isInstanceOf(PhaseEntryRefusedException.class)
                .hasMessageContaining("go-live-art50-1-provider-checked")
                .hasMessageContaining("go-live-art50-4-deepfake");

        completeDuty(system, Duty.ART50_4_DEEPFAKE);
        assertThat(goLiveChecks.done(system, 1)).containsExactly("go-live-art50-4-deepfake");
        assertThatThrownBy(() -> systems.moveTo(system, Phase.EVALUATE, Status.IN_USE, null))
                .isInstanceOf(PhaseEntryRefusedException.class)
                .hasMessageContaining("go-live-art50-1-provider-checked")
                .hasMessageNotContaining("go-live-art50-4-deepfake");
        completeDuty(system, Duty.ART50_1_PROVIDER_CHECKED);
        assertThat(cycle).hasPassed("go-live-duty").isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.EVALUATE);
    }

    @Test
    @DisplayName(
            "Eigen ontwikkeling met hoog risico: na de vijf go-livecontroles de aanbiedersplichten (art. 16, 43, 47, 48, 49 lid 1, 72)")
    void anInHouseHighRiskSystemGoesLiveOnlyAfterTheProviderDuties() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = highRiskAiTriage();
        answers.put("development", "IN_HOUSE");
        lead(system, "fill-in-triage", answers);
        assertThat(cycle).variables().containsEntry("aiActRole", "PROVIDER_AND_DEPLOYER");
        declineDpiaWithAdvice(system);
        fillIama(system);
        approveIama(system);
        lead(system, "complete-action-point", Map.of("actionPointResult", "Gedaan"));
        completeHighRiskChecks(system);
        assertThat(cycle).hasPassed("go-live-join", "ready-for-use").isWaitingAt("go-live-duty");
        assertThat(openDutyNames(system))
                .containsExactly(
                        "Controle: CE-markering (art. 48)",
                        "Controle: EU-conformiteitsverklaring (art. 47)",
                        "Controle: aanbiedersplichten (art. 16, met art. 17 en 11)",
                        "Controle: conformiteitsbeoordeling (art. 43)",
                        "Controle: gebruik volgens de gebruiksaanwijzing (art. 26 lid 1)",
                        "Controle: inputdata relevant en representatief (art. 26 lid 4)",
                        "Controle: menselijk toezicht toegewezen (art. 26 lid 2)",
                        "Controle: monitoring na het in de handel brengen (art. 72)",
                        "Controle: registratie door de aanbieder in de EU-databank (art. 49 lid 1)");
        for (Duty duty : List.of(Duty.DEPLOYER_ART26_1, Duty.DEPLOYER_ART26_2, Duty.DEPLOYER_ART26_4)) {
            completeDuty(system, duty);
        }
        assertThat(openDutyNames(system))
                .containsExactly(
                        "Controle: CE-markering (art. 48)",
                        "Controle: EU-conformiteitsverklaring (art. 47)",
                        "Controle: aanbiedersplichten (art. 16, met art. 17 en 11)",
                        "Controle: conformiteitsbeoordeling (art. 43)",
                        "Controle: monitoring na het in de handel brengen (art. 72)",
                        "Controle: registratie door de aanbieder in de EU-databank (art. 49 lid 1)");
        for (Duty duty : List.of(
                Duty.PROVIDER_ART16,
                Duty.PROVIDER_ART43,
                Duty.PROVIDER_ART47,
                Duty.PROVIDER_ART48,
                Duty.PROVIDER_ART49_1)) {
            completeDuty(system, duty);
        }
        assertThat(cycle).isWaitingAt("go-live-duty");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.IMPLEMENT);
        completeDuty(system, Duty.PROVIDER_ART72);
        assertThat(cycle).isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.EVALUATE);
        assertThat(goLiveChecks.done(system, 1))
                .contains("go-live-eu-database", "go-live-log-retention", "go-live-provider-art72")
                .contains("go-live-art26-1-instructions", "go-live-art26-2-oversight", "go-live-art26-4-input-data")
                .hasSize(14);
    }

    @Test
    @DisplayName(
            "Bijlage III punt 2, alleen aanbieder: geen EU-databank en geen FRIA-melding, wel nationale registratie (art. 49 lid 5)")
    void criticalInfrastructureForOthersIsRegisteredNationally() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = triage();
        answers.put("isAiSystem", "YES");
        answers.put("annexIiiArea", "CRITICAL_INFRASTRUCTURE");
        answers.put("development", "FOR_OTHERS");
        lead(system, "fill-in-triage", answers);
        assertThat(cycle)
                .variables()
                .containsEntry("euRegistration", "NATIONAL")
                .containsEntry("friaRequired", false);
        assertThat(openTaskKeys(system)).containsExactly("choose-iama");
        start(system, "iama");
        fillIama(system);
        approveIama(system);
        lead(system, "complete-action-point", Map.of("actionPointResult", "Gedaan"));
        // A provider only does not deploy: informing affected persons (Art. 26(11)) and keeping the logs as deployer
        // (Art. 26(6)) are not its checks, nor the other deployer duties (ADR 0036).
        assertThat(openTaskKeys(system)).containsExactly("go-live-algorithm-register");
        lead(
                system,
                "go-live-algorithm-register",
                Map.of("registerEntryPublished", true, "registerEntryLink", "https://algoritmes.example/2"));
        assertThat(cycle).hasNotPassed("go-live-persons-informed", "go-live-log-retention");
        assertThat(openDutyNames(system))
                .contains("Controle: nationale registratie (art. 49 lid 5)")
                .noneMatch(n -> n.contains("EU-databank"))
                .noneMatch(n -> n.contains("art. 26"));
    }

    /** A deployer of high-risk AI (Annex III point 5) through IAMA and action point to its go-live duties. */
    ProcessInstance deployerAtTheGoLiveDuties(String system, String workplaceUse) {
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = highRiskAiTriage();
        answers.put("workplaceUse", workplaceUse);
        lead(system, "fill-in-triage", answers);
        assertThat(cycle)
                .variables()
                .containsEntry("aiActRole", "DEPLOYER")
                .containsEntry("usedAtWorkplace", !"NO".equals(workplaceUse))
                .containsEntry("significantDecisions", false);
        declineDpiaWithAdvice(system);
        fillIama(system);
        approveIama(system);
        lead(system, "complete-action-point", Map.of("actionPointResult", "Gedaan"));
        completeHighRiskChecks(system);
        assertThat(cycle).hasPassed("go-live-join", "ready-for-use").isWaitingAt("go-live-duty");
        return cycle;
    }

    @Test
    @DisplayName(
            "Hoog-risico AI op de werkplek: pas in gebruik nadat werknemers en OR vooraf zijn geïnformeerd (art. 26 lid 7)")
    void aDeployerOfHighRiskAiAtTheWorkplaceCannotGoLiveWithoutInformingTheWorkers() {
        String system = newSystem();
        ProcessInstance cycle = deployerAtTheGoLiveDuties(system, "YES");
        assertThat(openDutyNames(system))
                .containsAll(DEPLOYER_DUTY_NAMES)
                .contains("Controle: werknemers en ondernemingsraad vooraf geïnformeerd (art. 26 lid 7)")
                .hasSize(4);
        for (Duty duty : List.of(Duty.DEPLOYER_ART26_1, Duty.DEPLOYER_ART26_2, Duty.DEPLOYER_ART26_4)) {
            completeDuty(system, duty);
        }
        // Not in use around the open check, whatever path moves the phase.
        assertThatThrownBy(() -> systems.moveTo(system, Phase.EVALUATE, Status.IN_USE, null))
                .isInstanceOf(PhaseEntryRefusedException.class)
                .hasMessageContaining("go-live-art26-7-workers");
        Task workers = dutyTask(system, Duty.DEPLOYER_ART26_7);
        Map<String, Object> answers = dutyAnswers(Duty.DEPLOYER_ART26_7, true);
        // Informed before use: a date after today is refused, and so is no date, or no works council answer.
        answers.put(
                "workersInformedDate",
                LocalDate.now(GoLiveRequirements.ZONE).plusDays(7).toString());
        assertThat(refusedField(() -> completeAs("lead", "project-lead", workers, answers)))
                .isEqualTo("workersInformedDate");
        Map<String, Object> noDate = dutyAnswers(Duty.DEPLOYER_ART26_7, true);
        noDate.remove("workersInformedDate");
        assertThat(refusedField(() -> completeAs("lead", "project-lead", workers, noDate)))
                .isEqualTo("workersInformedDate");
        Map<String, Object> noReason = dutyAnswers(Duty.DEPLOYER_ART26_7, true);
        noReason.put("worksCouncilConsent", "NOT_REQUIRED");
        noReason.remove("worksCouncilNoConsentReason");
        assertThat(refusedField(() -> completeAs("lead", "project-lead", workers, noReason)))
                .as("no consent right needs its reason")
                .isEqualTo("worksCouncilNoConsentReason");
        assertThat(refusedField(
                        () -> completeAs("lead", "project-lead", workers, dutyAnswers(Duty.DEPLOYER_ART26_7, false))))
                .isEqualTo("workersInformed");
        assertThat(cycle).isWaitingAt("go-live-duty");
        assertThat(goLiveChecks.done(system, 1)).doesNotContain("go-live-art26-7-workers");

        completeDuty(system, Duty.DEPLOYER_ART26_7);
        assertThat(cycle).hasPassed("go-live-duty").isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.EVALUATE);
        assertThat(goLiveChecks.done(system, 1)).contains("go-live-art26-7-workers");
    }

    @Test
    @DisplayName("Hoog-risico AI buiten de werkplek: geen controle van art. 26 lid 7")
    void aSystemNotUsedAtTheWorkplaceIsNotAskedAboutWorkers() {
        String system = newSystem();
        ProcessInstance cycle = deployerAtTheGoLiveDuties(system, "NO");
        assertThat(openDutyNames(system)).containsExactlyElementsOf(DEPLOYER_DUTY_NAMES);
        completeOpenDuties(system);
        assertThat(cycle).isWaitingAt("evaluate-wait");
        assertThat(goLiveChecks.done(system, 1)).doesNotContain("go-live-art26-7-workers");
    }

    @Test
    @DisplayName(
            "Impactvol algoritme met persoonsgegevens: IAMA en DPIA naast elkaar; uit gebruik nemen beëindigt de cyclus")
    void iamaAndDpiaRunSideBySideAndRetirementEndsTheCycle() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", impactfulWithPersonalDataTriage());
        // The DPIA is required (DPA list); the IAMA only recommended, and the owner starts it.
        assertThat(openTaskKeys(system)).containsExactly("choose-iama");
        start(system, "iama");
        assertThat(cycle).isWaitingAt("run-iama", "run-dpia");
        assertThat(systems.get(system).publicationCategory()).isEqualTo("B");

        fillIama(system);
        approveIama(system);
        assertThat(cycle).isWaitingAt("run-dpia");
        fillDpia(system, "LOW");
        decide(system, "privacy-officer-advice", "APPROVED");
        decide(system, "alderman-decision", "APPROVED");

        lead(system, "complete-action-point", Map.of("actionPointResult", "Gedaan"));
        // Not high-risk AI: no go-live checks.
        assertThat(cycle)
                .hasPassed("ready-for-use")
                .hasNotPassed("go-live-split")
                .isWaitingAt("evaluate-wait");

        runtime.createMessageCorrelation("system-retired")
                .processInstanceBusinessKey(system)
                .correlate();
        assertThat(cycle).hasPassed("cycle-retired").isEnded();
        assertThat(systems.get(system).phase()).isEqualTo(Phase.RETIRED);
    }

    @ParameterizedTest(name = "Aanleiding {0} start in Evalueren een nieuwe ronde")
    @ValueSource(strings = {"INCIDENT", "MATERIAL_CHANGE", "COMPLAINT", "MONITORING", "PERIODIC"})
    void everyEvaluationTriggerStartsANewRound(String type) {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", triage());
        // Nothing required: no assessment, no action point, straight to Evaluate (category C).
        assertThat(cycle)
                .hasPassed("assessments-done", "prepare-implementation")
                .isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).publicationCategory()).isEqualTo("C");

        runtime.createMessageCorrelation("evaluation-trigger")
                .processInstanceBusinessKey(system)
                .setVariable("triggerType", type)
                .setVariable("triggerDescription", "Aanleiding " + type)
                .correlate();
        assertThat(cycle).hasPassed("evaluation-triggered", "start-next-round").isWaitingAt("fill-in-triage");
        assertThat(cycle).variables().containsEntry("round", 2);
        assertThat(audit.events(system, 50)).anySatisfy(e -> {
            assertThat(e.action()).isEqualTo("NEW_ROUND_STARTED");
            assertThat(e.details()).contains(type);
        });
    }

    @Test
    @DisplayName("Verboden praktijk (AI-verordening art. 5): de cyclus stopt met de reden bij het systeem")
    void prohibitedPracticeStopsTheCycle() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = highRiskAiTriage();
        answers.put("prohibitedPractice", "SOCIAL_SCORING");
        lead(system, "fill-in-triage", answers);
        assertThat(cycle).hasPassed("cycle-stopped").isEnded();
        assertThat(systems.get(system).phase()).isEqualTo(Phase.STOPPED);
        assertThat(systems.get(system).statusReason()).contains("art. 5 lid 1 onder c");
    }

    @Test
    @DisplayName(
            "Afwijzing door de wethouder: geen Implementeren; de cyclus eindigt en een nieuwe cyclus telt de rondes door")
    void aldermanRejectionEndsTheCycleAndANewCycleContinuesTheRounds() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", highRiskAiTriage());
        declineDpiaWithAdvice(system);
        fillIama(system);
        decide(system, "privacy-officer-advice", "REJECTED");
        decide(system, "ethics-committee-advice", "REJECTED");
        decide(system, "alderman-decision", "REJECTED");
        assertThat(cycle)
                .hasPassed("cycle-rejected")
                .hasNotPassed("prepare-implementation")
                .isEnded();
        assertThat(systems.get(system).phase()).isEqualTo(Phase.REGISTERED);
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.REJECTED);

        ProcessInstance next = startCycle(system);
        assertThat(next).isWaitingAt("fill-in-triage");
        assertThat(next).variables().containsEntry("round", 2);
    }

    @Test
    @DisplayName("Een cyclus zonder geregistreerd systeem wordt geweigerd")
    void aCycleNeedsARegisteredSystem() {
        assertThatThrownBy(() -> startCycle("no-such-system")).isInstanceOf(UnknownSystemException.class);
    }

    // ================================================================== triage-outcome (ADR 0030)

    /** Personal data and one WP248 criterion (large scale): DPIA recommended, nothing else (category C). */
    static Map<String, Object> dpiaRecommendedTriage() {
        Map<String, Object> v = triage();
        v.put("processesPersonalData", "YES");
        v.put("edpbLargeScale", "YES");
        return v;
    }

    @Test
    @DisplayName("DPIA aanbevolen: de eigenaar start de DPIA in deze ronde")
    void aRecommendedDpiaThatTheOwnerStartsRuns() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", dpiaRecommendedTriage());
        assertThat(cycle).isWaitingAt("settle-triage-outcome");
        ProcessInstance outcome = calledInstance(cycle, "triage-outcome");
        assertThat(outcome).hasPassed("exception-applied", "choices-split").isWaitingAt("choose-dpia");
        start(system, "dpia");
        assertThat(outcome).hasPassed("dpia-declined").isEnded();
        assertThat(cycle).isWaitingAt("run-dpia");
        assertThat(cycle).variables().containsEntry("dpiaRuns", true).containsEntry("iamaRuns", false);
        assertThat(triageSteps(system)).containsExactly("DPIA CHOICE START lead");
        assertThat(audit.events(system, 50))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("ASSESSMENT_CHOICE_RECORDED"));
    }

    @Test
    @DisplayName("DPIA aanbevolen: afzien zonder redenen wordt geweigerd; met redenen en instemmend advies van de FG "
            + "geen DPIA, en de go-livecontrole telt het afzien")
    void aRecommendedDpiaDeclinedWithTheFgsAgreement() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", dpiaRecommendedTriage());
        for (String blank : new String[] {"", "   "}) {
            assertThat(refusal(() ->
                            lead(system, "choose-dpia", Map.of("dpiaChoice", "DECLINE", "dpiaChoiceReasons", blank))))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("dpiaChoiceReasons");
        }
        assertThat(triageSteps(system)).isEmpty();
        decline(system, "dpia");
        // Advice without a motivation, or by the owner's side, is refused; the task stays open.
        assertThat(refusal(() -> completeAs(
                        "fg",
                        "privacy-officer",
                        task(system, "advise-dpia-decline"),
                        Map.of("dpiaDeclineAdvice", "AGREED", "dpiaDeclineAdviceMotivation", " "))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dpiaDeclineAdviceMotivation");
        assertThat(refusal(() -> completeAs(
                        "lead",
                        "privacy-officer",
                        task(system, "advise-dpia-decline"),
                        Map.of("dpiaDeclineAdvice", "AGREED", "dpiaDeclineAdviceMotivation", "Eens"))))
                .isInstanceOf(SegregationOfDutiesException.class)
                .hasMessageContaining("owns the system");
        adviseOnDecline(system, "dpia", "AGREED");
        assertThat(cycle)
                .hasPassed("settle-triage-outcome", "assessments-done")
                .hasNotPassed("run-dpia")
                .isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).phase()).isEqualTo(Phase.EVALUATE);
        assertThat(triageSteps(system)).containsExactly("DPIA CHOICE DECLINE lead", "DPIA ADVICE AGREED fg");
    }

    @Test
    @DisplayName(
            "DPIA op twee WP248-criteria: weerlegd, de FG adviseert toch een DPIA, de eigenaar wijkt gemotiveerd af")
    void aRebuttedDpiaAgainstTheFgsAdviceNeedsAMotivatedDeviation() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        Map<String, Object> answers = dpiaRecommendedTriage();
        answers.put("edpbNewTechnology", "YES");
        lead(system, "fill-in-triage", answers);
        assertThat(triageService.triageOf(system, 1))
                .hasValueSatisfying(t -> assertThat(t.get("outcome").toString())
                        .contains("dpiaAdvice=REQUIRED")
                        .contains("dpiaRebuttable=true"));
        decline(system, "dpia");
        adviseOnDecline(system, "dpia", "DISAGREED");
        ProcessInstance outcome = calledInstance(cycle, "triage-outcome");
        assertThat(outcome).isWaitingAt("decide-dpia-after-advice");
        assertThat(refusal(() -> lead(system, "decide-dpia-after-advice", Map.of("dpiaFinalChoice", "DECLINE"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dpiaDeviationMotivation");
        lead(
                system,
                "decide-dpia-after-advice",
                Map.of("dpiaFinalChoice", "DECLINE", "dpiaDeviationMotivation", "Alleen geaggregeerde gegevens"));
        assertThat(cycle).hasNotPassed("run-dpia").isWaitingAt("evaluate-wait");
        assertThat(triageSteps(system))
                .containsExactly("DPIA CHOICE DECLINE lead", "DPIA ADVICE DISAGREED fg", "DPIA FINAL DECLINE lead");
    }

    @Test
    @DisplayName(
            "IAMA aanbevolen: afzien, de ethische commissie adviseert toch een IAMA, de eigenaar start haar alsnog")
    void aDeclinedIamaIsStartedAfterTheEthicsCommitteesAdvice() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", TriageAnswers.with(TriageAnswers.impactful()));
        decline(system, "iama");
        // The ethics committee advises on declining the IAMA, not the privacy officer.
        assertThat(refusal(() -> completeAs(
                        "fg",
                        "privacy-officer",
                        task(system, "advise-iama-decline"),
                        Map.of("iamaDeclineAdvice", "AGREED", "iamaDeclineAdviceMotivation", "Eens"))))
                .isInstanceOf(AuthorizationException.class);
        adviseOnDecline(system, "iama", "DISAGREED");
        lead(system, "decide-iama-after-advice", Map.of("iamaFinalChoice", "START"));
        assertThat(cycle).isWaitingAt("run-iama");
        assertThat(triageSteps(system))
                .containsExactly("IAMA CHOICE DECLINE lead", "IAMA ADVICE DISAGREED ethics", "IAMA FINAL START lead");
    }

    @Test
    @DisplayName("IAMA aanbevolen: afzien met instemmend advies van de ethische commissie, geen IAMA")
    void aRecommendedIamaDeclinedWithTheEthicsCommitteesAgreement() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", TriageAnswers.with(TriageAnswers.impactful()));
        decline(system, "iama");
        adviseOnDecline(system, "iama", "AGREED");
        assertThat(cycle).hasNotPassed("run-iama").isWaitingAt("evaluate-wait");
        assertThat(systems.get(system).publicationCategory()).isEqualTo("B");
    }

    /** Annex III point 4 with the Art. 6(3) exception (a), reasons recorded, registered by the provider. */
    static Map<String, Object> exceptionTriage() {
        Map<String, Object> v = triage();
        v.put("isAiSystem", "YES");
        v.put("annexIiiArea", "EMPLOYMENT");
        v.put("exceptionNoSignificantRisk", "YES");
        v.put("exceptionNarrowTask", "YES");
        v.put("exceptionRegistered", "YES");
        v.put("exceptionReasons", "Sorteert alleen op documentsoort");
        return v;
    }

    @Test
    @DisplayName("Art. 6 lid 3: de FG is het eens met de motivering, de klasse blijft staan")
    void theFgAgreesWithTheExceptionAndTheClassStands() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", exceptionTriage());
        assertThat(openTaskKeys(system)).containsExactly("review-exception");
        // Only the privacy officer reviews, and never without a motivation.
        assertThat(refusal(() -> completeAs(
                        "ethics",
                        "ethics-committee",
                        task(system, "review-exception"),
                        Map.of("exceptionReviewAnswer", "AGREED", "exceptionReviewMotivation", "Eens"))))
                .isInstanceOf(AuthorizationException.class);
        assertThat(refusal(() -> completeAs(
                        "fg",
                        "privacy-officer",
                        task(system, "review-exception"),
                        Map.of("exceptionReviewAnswer", "AGREED", "exceptionReviewMotivation", ""))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("exceptionReviewMotivation");
        completeAs(
                "fg",
                "privacy-officer",
                task(system, "review-exception"),
                Map.of("exceptionReviewAnswer", "AGREED", "exceptionReviewMotivation", "Taak is echt beperkt"));
        assertThat(cycle)
                .variables()
                .containsEntry("aiActClass", "EXCEPTION_ART_6_3")
                .containsEntry("highRiskAi", false);
        assertThat(cycle).hasNotPassed("run-iama").isWaitingAt("evaluate-wait");
        assertThat(triageSteps(system)).containsExactly("ART_6_3 REVIEW AGREED fg");
        assertThat(audit.events(system, 50))
                .anySatisfy(e -> assertThat(e.action()).isEqualTo("EXCEPTION_REVIEWED"));
    }

    @Test
    @DisplayName("Art. 6 lid 3: de FG is het oneens, de triage wordt herzien en het systeem is hoog risico (FRIA/IAMA)")
    void theFgDisagreesWithTheExceptionAndTheSystemIsHighRisk() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", exceptionTriage());
        assertThat(systems.get(system).publicationCategory()).isEqualTo("C");
        completeAs(
                "fg",
                "privacy-officer",
                task(system, "review-exception"),
                Map.of("exceptionReviewAnswer", "DISAGREED", "exceptionReviewMotivation", "Beïnvloedt de selectie"));
        assertThat(calledInstance(cycle, "triage-outcome")).isNull();
        assertThat(cycle)
                .variables()
                .containsEntry("aiActClass", "HIGH_RISK_ANNEX_III")
                .containsEntry("highRiskAi", true)
                .containsEntry("friaRequired", true)
                .containsEntry("iamaRequired", true)
                .containsEntry("iamaRuns", true)
                .doesNotContainKey("exceptionReview");
        assertThat(cycle).isWaitingAt("run-iama");
        assertThat(systems.get(system).publicationCategory()).isEqualTo("A");
        assertThat(triageService.triageOf(system, 1))
                .hasValueSatisfying(t -> assertThat(t.get("outcome").toString()).contains("HIGH_RISK_ANNEX_III"));
    }

    // ================================================================== iama

    @Test
    @DisplayName("IAMA: alle poorten akkoord, versie vastgesteld met drie handtekeningen en een actiepunt")
    void iamaApprovedAtEveryGate() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        assertThat(iama).isWaitingAt("privacy-officer-advice");
        assertThat(task(system, "privacy-officer-advice").getDueDate()).isNotNull();
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.IN_REVIEW);
        approveIama(system);
        assertThat(iama).hasPassed("iama-approved").isEnded();
        AssessmentVersion v = version(system, AssessmentType.IAMA, 1);
        assertThat(v.status()).isEqualTo(VersionStatus.APPROVED);
        assertThat(v.signatures()).extracting(Signature::user).containsExactly("fg", "ethics", "alderman");
        assertThat(v.answers()).containsKeys("iama-part-1", "iama-part-3", "iama-part-4");
        assertThat(v.actionPoints()).hasSize(1);
    }

    @Test
    @DisplayName("IAMA: akkoord onder voorwaarden vraagt voorwaarden, bij elke poort")
    void approvalWithConditionsNeedsConditions() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        for (String gate : List.of("privacy-officer-advice", "ethics-committee-advice", "alderman-decision")) {
            // The alderman gives his conditions as rows with owner and due date (ADR 0043).
            assertThat(refusal(() -> decide(system, gate, "APPROVED_WITH_CONDITIONS")))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining(gate.equals("alderman-decision") ? "ownConditionActions" : "conditions");
            assertThat(iama).isWaitingAt(gate);
            Map<String, Object> input = gateInput("APPROVED_WITH_CONDITIONS", "Akkoord mits");
            input.put("conditions", "Halfjaarlijkse bias-toets");
            decide(system, gate, input);
        }
        assertThat(iama).hasPassed("iama-approved").isEnded();
        assertThat(version(system, AssessmentType.IAMA, 1).signatures())
                .extracting(Signature::conditions)
                .containsOnly("Halfjaarlijkse bias-toets");
    }

    @Test
    @DisplayName("IAMA: voorwaarden van een poort staan alleen in het proces zolang ze gelden, ook na terugsturen")
    void gateConditionsAreKeptOnlyWhileGiven() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        Map<String, Object> withConditions = gateInput("APPROVED_WITH_CONDITIONS", "Akkoord mits");
        withConditions.put("conditions", "Logging aan");
        decide(system, "privacy-officer-advice", withConditions);
        assertThat(runtime.getVariable(iama.getId(), "privacyOfficerConditions"))
                .isEqualTo("Logging aan");
        assertThat(runtime.getVariables(iama.getId())).doesNotContainKeys("ethicsCommitteeConditions", "conditions");
        sendBack(system, "ethics-committee-advice", "Deel 4 aanvullen", "iama-part-4");
        lead(system, "rework-iama-part-4", iamaPart(4));
        decide(system, "privacy-officer-advice", "APPROVED");
        // The FG's new advice has no conditions: the old ones must not show on the alderman's form any more.
        assertThat(runtime.getVariables(iama.getId()))
                .doesNotContainKey("privacyOfficerConditions")
                .containsEntry("privacyOfficerDecision", "APPROVED");
        decide(system, "ethics-committee-advice", "APPROVED");
        decide(system, "alderman-decision", "APPROVED");
        assertThat(iama).isEnded();
        assertThat(version(system, AssessmentType.IAMA, 1).signatures())
                .extracting(Signature::conditions)
                .containsExactly("Logging aan", null, null, null, null);
    }

    @Test
    @DisplayName(
            "IAMA: negatief advies houdt niet tegen, maar akkoord van de wethouder vraagt dan een motivering van afwijken")
    void negativeAdviceNeedsADeviationMotivation() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        decide(system, "privacy-officer-advice", "REJECTED");
        assertThat(iama).isWaitingAt("ethics-committee-advice");
        decide(system, "ethics-committee-advice", "REJECTED");
        assertThat(runtime.getVariable(iama.getId(), "privacyOfficerDecision")).isEqualTo("REJECTED");
        assertThat(refusal(() -> decide(system, "alderman-decision", "APPROVED")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("deviationMotivation");
        Map<String, Object> input = gateInput("APPROVED", "Maatschappelijk belang weegt zwaarder");
        input.put("deviationMotivation", "Extra waarborgen in de uitvoering");
        decide(system, "alderman-decision", input);
        assertThat(iama).hasPassed("iama-approved").isEnded();
    }

    @Test
    @DisplayName(
            "IAMA: de FG stuurt deel 1 en 3 terug; alleen die delen worden aangepast, daarna lopen alle poorten opnieuw")
    void privacyOfficerSendsBackPartsOneAndThree() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        sendBack(system, "privacy-officer-advice", "Grondslag en toezicht zijn te vaag", "iama-part-1", "iama-part-3");
        assertThat(openTaskKeys(system)).containsExactly("rework-iama-part-1", "rework-iama-part-3");
        assertThat(runtime.getVariable(iama.getId(), "reviewRemarks"))
                .isEqualTo("Advies functionaris gegevensbescherming: Grondslag en toezicht zijn te vaag");
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.DRAFT);
        lead(system, "rework-iama-part-1", iamaPart(1));
        assertThat(iama).isWaitingAt("rework-iama-part-3");
        lead(system, "rework-iama-part-3", iamaPart(3));
        assertThat(iama).isWaitingAt("privacy-officer-advice");
        assertThat(runtime.getVariable(iama.getId(), "sendBackTo")).isNull();
        approveIama(system);
        assertThat(iama).isEnded();

        // The record of each save is Waarborg's (ADR 0012): parts 1 and 3 twice, before and after the send-back.
        AssessmentVersion v = version(system, AssessmentType.IAMA, 1);
        assertThat(reads.answerSaves(v.assessmentId(), 1))
                .extracting(nl.waarborg.assessment.AnswerSave::section)
                .containsExactly(
                        "iama-part-1",
                        "iama-part-2",
                        "iama-part-3",
                        "iama-part-4",
                        "iama-part-5",
                        "iama-part-1",
                        "iama-part-3",
                        // the alderman's decision record (ADR 0035), saved like a section
                        "iama-alderman-decision");
        // The engine keeps each variable's last value, but no detail row per change.
        assertThat(engine.getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(iama.getId())
                        .variableName("part1Goal")
                        .count())
                .isEqualTo(1);
        assertThat(engine.getHistoryService()
                        .createHistoricDetailQuery()
                        .processInstanceId(iama.getId())
                        .count())
                .isZero();
    }

    @Test
    @DisplayName("IAMA: de ethische commissie stuurt deel 4 terug; na aanpassing begint de FG opnieuw")
    void ethicsCommitteeSendsBackPartFour() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        decide(system, "privacy-officer-advice", "APPROVED");
        sendBack(system, "ethics-committee-advice", "Weging van non-discriminatie ontbreekt", "iama-part-4");
        assertThat(openTaskKeys(system)).containsExactly("rework-iama-part-4");
        lead(system, "rework-iama-part-4", iamaPart(4));
        assertThat(iama).isWaitingAt("privacy-officer-advice");
        approveIama(system);
        assertThat(iama).isEnded();
    }

    @Test
    @DisplayName("IAMA: de wethouder stuurt deel 2 en 5 terug en keurt na een nieuwe ronde van adviezen goed")
    void aldermanSendsBackPartsTwoAndFive() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        decide(system, "privacy-officer-advice", "APPROVED");
        decide(system, "ethics-committee-advice", "APPROVED");
        sendBack(system, "alderman-decision", "Alternatieven en afweging uitwerken", "iama-part-2", "iama-part-5");
        assertThat(openTaskKeys(system)).containsExactly("rework-iama-part-2", "rework-iama-part-5");
        assertThat(runtime.getVariable(iama.getId(), "reviewRemarks"))
                .asString()
                .startsWith("Besluit wethouder:");
        lead(system, "rework-iama-part-2", iamaPart(2));
        lead(system, "rework-iama-part-5", iamaPart(5));
        approveIama(system);
        assertThat(iama).hasPassed("rework-iama-part-2", "rework-iama-part-5").isEnded();
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.APPROVED);
    }

    @Test
    @DisplayName("IAMA: afwijzing door de wethouder sluit de versie als afgewezen")
    void aldermanRejectsTheIama() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        decide(system, "privacy-officer-advice", "APPROVED");
        decide(system, "ethics-committee-advice", "APPROVED");
        decide(system, "alderman-decision", "REJECTED");
        assertThat(iama).hasPassed("iama-rejected").isEnded();
        assertThat(version(system, AssessmentType.IAMA, 1).status()).isEqualTo(VersionStatus.REJECTED);
    }

    @Test
    @DisplayName(
            "IAMA: functiescheiding — geen niet-leden, geen invullers, niemand beslist twee poorten; de taak blijft open")
    void segregationOfDuties() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String dual = user("dual-" + suffix, "privacy-officer", "ethics-committee");
        String writer = user("writer-" + suffix, "project-lead", "privacy-officer");
        String system = newSystem();
        // The writer is in the system's team (the owner names them), else the part is not theirs to write.
        SecurityContextHolder.getContext()
                .setAuthentication(new UsernamePasswordAuthenticationToken(
                        "lead", null, List.of(new SimpleGrantedAuthority("project-lead"))));
        try {
            team.addCoAuthor(system, writer);
        } finally {
            SecurityContextHolder.clearContext();
        }
        ProcessInstance iama = startAssessment("iama", system);
        completeAs(writer, "project-lead", task(system, "fill-in-iama-part-1"), iamaPart(1));
        for (int part = 2; part <= 5; part++) {
            lead(system, "fill-in-iama-part-" + part, iamaPart(part));
        }
        Map<String, Object> advice = gateInput("APPROVED", "Akkoord");
        // Non-members and unknown users: the engine's own task authorizations refuse them (403).
        assertThat(refusal(() -> completeAs("lead", "project-lead", task(system, "privacy-officer-advice"), advice)))
                .isInstanceOf(AuthorizationException.class);
        String adviceTask = task(system, "privacy-officer-advice").getId();
        identity.setAuthentication("nobody-" + suffix, List.of());
        try {
            assertThat(refusal(() -> taskService.complete(adviceTask, advice)))
                    .isInstanceOf(AuthorizationException.class);
        } finally {
            identity.clearAuthentication();
        }
        identity.setAuthentication(writer, List.of("project-lead", "privacy-officer"));
        try {
            assertThat(refusal(() -> taskService.complete(
                            task(system, "privacy-officer-advice").getId(), advice)))
                    .isInstanceOf(SegregationOfDutiesException.class)
                    .hasMessageContaining("filled in content");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(iama).isWaitingAt("privacy-officer-advice");
        completeAs(dual, "privacy-officer", task(system, "privacy-officer-advice"), advice);
        identity.setAuthentication(dual, List.of("privacy-officer", "ethics-committee"));
        try {
            assertThat(refusal(() -> taskService.complete(
                            task(system, "ethics-committee-advice").getId(), advice)))
                    .isInstanceOf(SegregationOfDutiesException.class)
                    .hasMessageContaining("already decided");
        } finally {
            identity.clearAuthentication();
        }
        assertThat(iama).isWaitingAt("ethics-committee-advice");
        assertThat(version(system, AssessmentType.IAMA, 1).signatures()).hasSize(1);
    }

    private String user(String id, String... groups) {
        User user = identity.newUser(id);
        user.setPassword("a-long-test-password");
        identity.saveUser(user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    @Test
    @DisplayName("IAMA: de FRIA-elementen van art. 27 lid 1 moeten zijn ingevuld voordat de poorten beginnen")
    void friaElementsAreRequiredBeforeTheGates() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        lead(system, "fill-in-iama-part-1", iamaPart(1));
        lead(system, "fill-in-iama-part-2", iamaPart(2));
        Map<String, Object> withoutOversight = iamaPart(3);
        withoutOversight.put("part3HumanOversight", " ");
        // The form asks these answers too, so its check refuses first (FriaElements stays behind it for Art. 27(1)).
        assertThat(refusal(() -> lead(system, "fill-in-iama-part-3", withoutOversight)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("part3HumanOversight");
        assertThat(iama).isWaitingAt("fill-in-iama-part-3");
        lead(system, "fill-in-iama-part-3", iamaPart(3));
        Map<String, Object> withoutRisks = iamaPart(4);
        withoutRisks.remove("part4SpecificRisks");
        assertThat(refusal(() -> lead(system, "fill-in-iama-part-4", withoutRisks)))
                .hasMessageContaining("part4SpecificRisks");
        assertThat(iama).isWaitingAt("fill-in-iama-part-4");
    }

    @Test
    @DisplayName("IAMA: terugsturen moet bestaande delen noemen")
    void sendBackMustNameKnownParts() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        assertThat(refusal(() -> sendBack(system, "privacy-officer-advice", "Aanpassen", "dpia-section-a")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("sendBackTo");
        assertThat(refusal(() -> decide(system, "privacy-officer-advice", "SENT_BACK")))
                .isInstanceOf(InvalidInputException.class);
        assertThat(iama).isWaitingAt("privacy-officer-advice");
    }

    @Test
    @DisplayName("IAMA: een poort over de servicetermijn wordt gemeld (GATE_OVERDUE) en blijft open")
    void overdueIamaGatesAreEscalated() {
        String system = newSystem();
        ProcessInstance iama = startAssessment("iama", system);
        fillIama(system);
        for (String gate : List.of("privacy-officer-advice", "ethics-committee-advice", "alderman-decision")) {
            runJob(iama.getId(), gate + "-overdue");
            assertThat(iama).hasPassed(gate + "-escalated").isWaitingAt(gate);
            decide(system, gate, "APPROVED");
        }
        assertThat(iama).isEnded();
        assertThat(audit.events(system, 100))
                .filteredOn(e -> e.action().equals("GATE_OVERDUE"))
                .hasSize(3);
    }

    // ================================================================== dpia

    @Test
    @DisplayName("DPIA zonder hoog restrisico: na het FG-advies direct naar de wethouder")
    void dpiaWithoutHighResidualRisk() {
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "MEDIUM");
        decide(system, "privacy-officer-advice", "APPROVED");
        assertThat(dpia).hasNotPassed("dpa-consultation-submit").isWaitingAt("alderman-decision");
        decide(system, "alderman-decision", "APPROVED");
        assertThat(dpia).hasPassed("dpia-approved").isEnded();
        assertThat(version(system, AssessmentType.DPIA, 1).status()).isEqualTo(VersionStatus.APPROVED);
    }

    @Test
    @DisplayName("DPIA met hoog restrisico: voorafgaande raadpleging AP (art. 36), antwoord binnen acht weken")
    void highResidualRiskIsConsultedAndAnsweredInTime() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "APPROVED");
        assertThat(dpia).isWaitingAt("dpa-consultation-submit");
        clock.today("2027-02-15");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-2027-1"));
        assertThat(dpia).isWaitingAt("dpa-consultation-answer");
        // Eight weeks from the receipt as entered (5 January): the period has run out at the end of 2 March.
        assertThat(dpaTimer(dpia)).isEqualTo(Instant.parse("2027-03-02T23:00:00Z"));
        lead(
                system,
                "dpa-consultation-answer",
                Map.of(
                        "dpaAnswerDate",
                        "2027-02-15",
                        "dpaAnswerOutcome",
                        "NO_OBJECTION",
                        "dpaAnswerSummary",
                        "Geen bezwaar"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        decide(system, "alderman-decision", "APPROVED");
        assertThat(dpia).isEnded();
        assertThat(version(system, AssessmentType.DPIA, 1).answers())
                .containsKeys("dpa-consultation-submit", "dpa-consultation-answer");
    }

    @Test
    @DisplayName(
            "DPIA: termijn AP verstreken, manager legt verlenging (+6 weken) vast, na de tweede keer verder zonder antwoord")
    void dpaTimeoutEscalatesAndIsExtendedOnce() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "REJECTED");
        clock.today("2027-02-05");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-04", "AP-2027-2"));

        runJob(dpia.getId(), "dpa-consultation-expired");
        assertThat(dpia).isWaitingAt("dpa-consultation-overdue");
        assertThat(refusal(() -> completeAs(
                        "manager",
                        "manager",
                        task(system, "dpa-consultation-overdue"),
                        Map.of(
                                "dpaOverdueAction",
                                "EXTENDED",
                                "dpaOverdueAnnouncedOn",
                                "2027-02-05",
                                "dpaOverdueReasons",
                                "Drukte",
                                "dpaOverdueNote",
                                "Te laat gemeld"))))
                .as("announced more than a month after the receipt on 4 January")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not extend the period");
        assertThat(dpia).isWaitingAt("dpa-consultation-overdue");
        completeAs(
                "manager",
                "manager",
                task(system, "dpa-consultation-overdue"),
                Map.of(
                        "dpaOverdueAction",
                        "EXTENDED",
                        "dpaOverdueAnnouncedOn",
                        "2027-02-01",
                        "dpaOverdueReasons",
                        "Complexe verwerking",
                        "dpaOverdueNote",
                        "AP verlengde per brief"));
        assertThat(dpia).hasPassed("dpa-record-extension").isWaitingAt("dpa-consultation-answer");
        // 4 January + 8 + 6 weeks = 12 April, the end of that day in summer time.
        assertThat(dpaTimer(dpia)).isEqualTo(Instant.parse("2027-04-12T22:00:00Z"));

        runJob(dpia.getId(), "dpa-consultation-expired");
        assertThat(refusal(() -> completeAs(
                        "manager",
                        "manager",
                        task(system, "dpa-consultation-overdue"),
                        Map.of(
                                "dpaOverdueAction",
                                "EXTENDED",
                                "dpaOverdueAnnouncedOn",
                                "2027-02-01",
                                "dpaOverdueReasons",
                                "Nog eens",
                                "dpaOverdueNote",
                                "Nog eens"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only once");
        completeAs(
                "manager",
                "manager",
                task(system, "dpa-consultation-overdue"),
                Map.of("dpaOverdueAction", "PROCEED", "dpaOverdueNote", "Geen antwoord; wethouder besluit"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        Map<String, Object> input = gateInput("APPROVED", "Risico aanvaard");
        input.put("deviationMotivation", "Aanvullende maatregelen getroffen");
        decide(system, "alderman-decision", input);
        assertThat(dpia).isEnded();
        assertThat(audit.events(system, 100))
                .extracting(e -> e.action())
                .contains("DPA_CONSULTATION_OVERDUE", "DPA_CONSULTATION_EXTENDED");
    }

    @Test
    @DisplayName("DPIA: FG stuurt A en C terug, wethouder stuurt D terug en wijst daarna af")
    void dpiaSendBackLoopsAndRejection() {
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "LOW");
        sendBack(
                system,
                "privacy-officer-advice",
                "Bewaartermijn en risico's onvolledig",
                "dpia-section-a",
                "dpia-section-c");
        assertThat(openTaskKeys(system)).containsExactly("rework-dpia-section-a", "rework-dpia-section-c");
        lead(system, "rework-dpia-section-a", dpiaSection("a", "LOW"));
        lead(system, "rework-dpia-section-c", dpiaSection("c", "LOW"));
        decide(system, "privacy-officer-advice", "APPROVED");
        sendBack(system, "alderman-decision", "Maatregelen concreter maken", "dpia-section-d", "dpia-section-b");
        assertThat(openTaskKeys(system)).containsExactly("rework-dpia-section-b", "rework-dpia-section-d");
        lead(system, "rework-dpia-section-b", dpiaSection("b", "LOW"));
        lead(system, "rework-dpia-section-d", dpiaSection("d", "LOW"));
        decide(system, "privacy-officer-advice", "APPROVED");
        decide(system, "alderman-decision", "REJECTED");
        assertThat(dpia).hasPassed("dpia-rejected").isEnded();
        assertThat(version(system, AssessmentType.DPIA, 1).status()).isEqualTo(VersionStatus.REJECTED);
    }

    // ------------------------------------------------------------ dpia: D names C's risks after a rework (ADR 0051)

    /** Section C with these risks (each MEDIUM x HIGH). */
    static Map<String, Object> dpiaSectionC(String... riskIds) {
        Map<String, Object> v = dpiaSection("c", "LOW");
        List<String> rows = java.util.Arrays.stream(riskIds)
                .map(id -> "{\"riskId\":\"" + id + "\",\"risk\":\"Risico " + id + "\",\"likelihood\":\"MEDIUM\","
                        + "\"impact\":\"HIGH\",\"origin\":\"Koppeling van bestanden\"}")
                .toList();
        v.put("sectionCRisks", json("[" + String.join(",", rows) + "]"));
        return v;
    }

    /** Section D with one measure for this risk. */
    static Map<String, Object> dpiaSectionD(String riskId) {
        Map<String, Object> v = dpiaSection("d", "LOW");
        v.put(
                "sectionDMeasures",
                json("[{\"riskId\":\"" + riskId + "\",\"measure\":\"Menselijke toets\",\"owner\":\"Teamleider\","
                        + "\"residualRisk\":\"LOW\"}]"));
        return v;
    }

    /** A DPIA filled in (its measure names R1) and sent back to the parts given by the gate given. */
    ProcessInstance dpiaSentBack(String system, String gate, String... parts) {
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "LOW");
        if ("alderman-decision".equals(gate)) {
            decide(system, "privacy-officer-advice", "APPROVED");
        }
        sendBack(system, gate, "Risico's herzien", parts);
        return dpia;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> savedMeasures(String system) {
        Map<String, Object> d = (Map<String, Object>)
                version(system, AssessmentType.DPIA, 1).answers().get("dpia-section-d");
        return (List<Map<String, Object>>) d.get("sectionDMeasures");
    }

    /** The rework left section D naming R1, which section C no longer has: D is taken up again before review. */
    void measuresAreRecheckedBeforeReview(String system, ProcessInstance dpia) {
        assertThat(dpia).isWaitingAt("recheck-dpia-section-d");
        assertThat(openTaskKeys(system)).containsExactly("recheck-dpia-section-d");
        assertThat(refusedField(() -> lead(system, "recheck-dpia-section-d", dpiaSectionD("R1"))))
                .isEqualTo("sectionDMeasures[0].riskId");
        assertThat(dpia).isWaitingAt("recheck-dpia-section-d");
        lead(system, "recheck-dpia-section-d", dpiaSectionD("R2"));
        assertThat(dpia).isWaitingAt("privacy-officer-advice");
        assertThat(savedMeasures(system))
                .singleElement()
                .satisfies(m -> assertThat(m).containsEntry("riskId", "R2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"privacy-officer-advice", "alderman-decision"})
    @DisplayName("DPIA: alleen C teruggestuurd en het risico van een maatregel vervalt: eerst D afstemmen, dan de FG")
    void aReworkOfSectionCThatDropsAMeasuresRiskLeadsThroughSectionD(String gate) {
        String system = newSystem();
        ProcessInstance dpia = dpiaSentBack(system, gate, "dpia-section-c");
        lead(system, "rework-dpia-section-c", dpiaSectionC("R2"));
        measuresAreRecheckedBeforeReview(system, dpia);
        decide(system, "privacy-officer-advice", "APPROVED");
        assertThat(dpia).isWaitingAt("alderman-decision");
    }

    @ParameterizedTest
    @ValueSource(strings = {"privacy-officer-advice", "alderman-decision"})
    @DisplayName("DPIA: C en D teruggestuurd, D eerst afgerond en daarna R1 uit C: eerst D afstemmen")
    void sectionDReworkedBeforeSectionCIsTakenUpAgain(String gate) {
        String system = newSystem();
        ProcessInstance dpia = dpiaSentBack(system, gate, "dpia-section-c", "dpia-section-d");
        lead(system, "rework-dpia-section-d", dpiaSectionD("R1"));
        lead(system, "rework-dpia-section-c", dpiaSectionC("R2", "R3"));
        measuresAreRecheckedBeforeReview(system, dpia);
    }

    @Test
    @DisplayName(
            "DPIA: C en D teruggestuurd, C eerst en D volgt C; of C houdt zijn nummers: direct naar de FG; een nieuw"
                    + " hoog risico zonder maatregel leidt tot raadpleging AP")
    void aReworkThatKeepsTheReferencesGoesStraightToReview() {
        String system = newSystem();
        ProcessInstance dpia = dpiaSentBack(system, "privacy-officer-advice", "dpia-section-c", "dpia-section-d");
        lead(system, "rework-dpia-section-c", dpiaSectionC("R2"));
        lead(system, "rework-dpia-section-d", dpiaSectionD("R2"));
        assertThat(dpia).isWaitingAt("privacy-officer-advice").hasNotPassed("recheck-dpia-section-d");

        String other = newSystem();
        ProcessInstance kept = dpiaSentBack(other, "alderman-decision", "dpia-section-c");
        lead(other, "rework-dpia-section-c", dpiaSectionC("R1", "R2"));
        assertThat(kept).isWaitingAt("privacy-officer-advice").hasNotPassed("recheck-dpia-section-d");
        // The new high risk R2 has no measure: a high residual risk, so the DPA is consulted (Art. 36(1)).
        decide(other, "privacy-officer-advice", "APPROVED");
        assertThat(kept).isWaitingAt("dpa-consultation-submit");
    }

    @Test
    @DisplayName("DPIA: alleen A teruggestuurd, C via de API opgeslagen zonder R1: eerst D afstemmen")
    void sectionCSavedOutsideItsTaskDuringAReworkLeadsThroughSectionD() {
        String system = newSystem();
        ProcessInstance dpia = dpiaSentBack(system, "privacy-officer-advice", "dpia-section-a");
        AssessmentVersion version = version(system, AssessmentType.DPIA, 1);
        assertThat(version.status()).isEqualTo(VersionStatus.DRAFT);
        Map<String, Object> c = new HashMap<>();
        dpiaSectionC("R2")
                .forEach((k, v) -> c.put(
                        k,
                        nl.waarborg.engine.VariableValues.toPlain(
                                v instanceof org.camunda.spin.plugin.variable.value.JsonValue j ? j.getValue() : v)));
        assessments.saveSection(version.assessmentId(), 1, "dpia-section-c", c, "lead");
        lead(system, "rework-dpia-section-a", dpiaSection("a", "LOW"));
        measuresAreRecheckedBeforeReview(system, dpia);
    }

    @Test
    @DisplayName("DPIA: FG-advies en besluit wethouder over de servicetermijn worden gemeld")
    void overdueDpiaGatesAreEscalated() {
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "LOW");
        for (String gate : List.of("privacy-officer-advice", "alderman-decision")) {
            runJob(dpia.getId(), gate + "-overdue");
            assertThat(dpia).hasPassed(gate + "-escalated").isWaitingAt(gate);
            decide(system, gate, "APPROVED");
        }
        assertThat(dpia).isEnded();
    }

    // ------------------------------------------------------------ dpia: prior consultation (Art. 36)

    static Map<String, Object> submission(String sent, String received, String reference) {
        return Map.of("dpaSubmissionDate", sent, "dpaReceiptDate", received, "dpaSubmissionReference", reference);
    }

    static Map<String, Object> dpaAnswer(String outcome) {
        return Map.of("dpaAnswerDate", "2027-02-15", "dpaAnswerOutcome", outcome, "dpaAnswerSummary", "Antwoord AP");
    }

    Instant dpaTimer(ProcessInstance dpia) {
        return management
                .createJobQuery()
                .processInstanceId(dpia.getId())
                .activityId("dpa-consultation-expired")
                .singleResult()
                .getDuedate()
                .toInstant();
    }

    @Test
    @DisplayName("DPIA: een hoog risico uit C zonder maatregel in D is een hoog restrisico; raadpleging AP")
    void anUnmitigatedHighRiskOfSectionCIsConsulted() {
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        lead(system, "fill-in-dpia-section-a", dpiaSection("a", "LOW"));
        lead(system, "fill-in-dpia-section-b", dpiaSection("b", "LOW"));
        lead(
                system,
                "fill-in-dpia-section-c",
                Map.of(
                        "sectionCRisks",
                        json("[{\"riskId\":\"R1\",\"risk\":\"Onterechte verdenking\",\"likelihood\":\"MEDIUM\","
                                + "\"impact\":\"HIGH\",\"level\":\"HIGH\",\"origin\":\"Koppeling van bestanden\"},"
                                + "{\"riskId\":\"R2\",\"risk\":\"Datalek\",\"likelihood\":\"HIGH\","
                                + "\"impact\":\"HIGH\",\"level\":\"HIGH\",\"origin\":\"Beveiliging leverancier\"}]")));
        lead(system, "fill-in-dpia-section-d", dpiaSection("d", "LOW"));
        decide(system, "privacy-officer-advice", "APPROVED");
        assertThat(dpia).isWaitingAt("dpa-consultation-submit");
    }

    @Test
    @DisplayName("DPIA: de FG verlangt raadpleging van de AP, ook zonder hoog restrisico")
    void thePrivacyOfficerRequiresConsultation() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "LOW");
        Map<String, Object> advice = gateInput("APPROVED", "Nieuwe technologie; raadpleeg de AP");
        advice.put("dpaConsultationRequired", true);
        decide(system, "privacy-officer-advice", advice);
        assertThat(dpia).isWaitingAt("dpa-consultation-submit");
        assertThat(refusal(
                        () -> lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-03", "AP-1"))))
                .as("received before it was submitted")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("before it was submitted");
        assertThat(refusal(
                        () -> lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-1"))))
                .as("received tomorrow")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dpaReceiptDate")
                .hasMessageContaining("after today (2027-01-04)");
        assertThat(refusal(() -> lead(system, "dpa-consultation-submit", Map.of("dpaSubmissionDate", "2027-01-04"))))
                .as("no receipt date")
                .isInstanceOf(InvalidInputException.class);
        assertThat(dpia).isWaitingAt("dpa-consultation-submit");
    }

    @Test
    @DisplayName("DPIA: de AP vraagt informatie; de termijn staat stil tot die is ontvangen")
    void theDpaPeriodStandsStillWhileItWaitsForInformation() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "APPROVED");
        clock.today("2027-02-15");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-2027-3"));
        assertThat(refusal(() -> lead(system, "dpa-consultation-answer", Map.of("dpaAnswerSummary", "?"))))
                .as("an answer needs its outcome")
                .isInstanceOf(InvalidInputException.class);
        lead(
                system,
                "dpa-consultation-answer",
                Map.of("dpaInformationRequested", true, "dpaInformationRequestedOn", "2027-01-20"));
        assertThat(dpia).hasPassed("dpa-information-requested").isWaitingAt("dpa-consultation-information");
        assertThat(management
                        .createJobQuery()
                        .processInstanceId(dpia.getId())
                        .activityId("dpa-consultation-expired")
                        .count())
                .as("no timer runs while the period stands still")
                .isZero();
        assertThat(refusal(() -> lead(
                        system,
                        "dpa-consultation-information",
                        Map.of(
                                "dpaInformationSuppliedOn",
                                "2027-01-19",
                                "dpaInformationNote",
                                "Verwerkersovereenkomst"))))
                .isInstanceOf(InvalidInputException.class);
        lead(
                system,
                "dpa-consultation-information",
                Map.of("dpaInformationSuppliedOn", "2027-02-03", "dpaInformationNote", "Verwerkersovereenkomst"));
        assertThat(dpia).isWaitingAt("dpa-consultation-answer");
        // 5 January + eight weeks = 2 March, plus the 14 days the DPA waited = 16 March (end of day, CET).
        assertThat(dpaTimer(dpia)).isEqualTo(Instant.parse("2027-03-16T23:00:00Z"));
        lead(system, "dpa-consultation-answer", dpaAnswer("ADVICE_WITH_MEASURES"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        assertThat(audit.events(system, 100))
                .extracting(e -> e.action())
                .contains("DPA_INFORMATION_REQUESTED", "DPA_INFORMATION_SUPPLIED");
        assertThat(version(system, AssessmentType.DPIA, 1).answers()).containsKey("dpa-consultation-information");
    }

    @Test
    @DisplayName("DPIA: AP-advies 'inbreuk' blokkeert vaststelling tot de versie is herzien")
    void anInfringementAnswerRefusesApprovalUntilTheVersionIsReworked() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "APPROVED");
        clock.today("2027-02-15");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-2027-4"));
        lead(system, "dpa-consultation-answer", dpaAnswer("INFRINGEMENT"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        for (String decision : List.of("APPROVED", "APPROVED_WITH_CONDITIONS")) {
            Map<String, Object> input = gateInput(decision, "Toch doorgaan");
            input.put("conditions", "Extra toets");
            assertThat(refusal(() -> decide(system, "alderman-decision", input)))
                    .as(decision)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("infringe");
        }
        assertThat(dpia).isWaitingAt("alderman-decision");
        assertThat(version(system, AssessmentType.DPIA, 1).status()).isEqualTo(VersionStatus.IN_REVIEW);
        // The alderman's form shows the answer given on this content, from the version.
        assertThat(runtime.getVariables(dpia.getId()))
                .containsEntry("dpaAnswerForDecision", "INFRINGEMENT")
                .containsEntry("dpaAnswerForDecisionSummary", "Antwoord AP")
                .containsEntry("dpaAnswerForDecisionDate", "2027-02-15")
                .doesNotContainKey("dpaAnswerSuperseded");
        sendBack(system, "alderman-decision", "Maatregelen herzien na advies AP", "dpia-section-d");
        lead(system, "rework-dpia-section-d", dpiaSection("d", "LOW"));
        decide(system, "privacy-officer-advice", "APPROVED");
        assertThat(dpia).isWaitingAt("alderman-decision");
        // Reworked without a new consultation: the earlier answer is not shown as the answer on this content.
        assertThat(runtime.getVariables(dpia.getId()))
                .doesNotContainKeys("dpaAnswerForDecision", "dpaAnswerForDecisionSummary", "dpaAnswerForDecisionDate")
                .containsEntry("dpaAnswerSuperseded", true);
        decide(system, "alderman-decision", "APPROVED");
        assertThat(dpia).hasPassed("dpia-approved").isEnded();
    }

    @Test
    @DisplayName(
            "DPIA: AP kondigt binnen een maand met redenen verlenging aan; de timer volgt de verlengde laatste dag")
    void theDpaAnnouncesAnExtensionWhileThePeriodRuns() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "APPROVED");
        clock.today("2027-02-06");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-2027-5"));
        // The DPA asks for information on 20 January and has it on 3 February: 14 days stand still.
        lead(
                system,
                "dpa-consultation-answer",
                Map.of("dpaInformationRequested", true, "dpaInformationRequestedOn", "2027-01-20"));
        lead(
                system,
                "dpa-consultation-information",
                Map.of("dpaInformationSuppliedOn", "2027-02-03", "dpaInformationNote", "Gegevensstromen"));
        Map<String, Object> late = extension("2027-02-06", "Complexe verwerking");
        assertThat(refusal(() -> lead(system, "dpa-consultation-answer", late)))
                .as("announced more than a month after the receipt on 5 January")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("does not extend the period");
        assertThat(refusal(() -> lead(system, "dpa-consultation-answer", extension("2027-02-05", " "))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("dpaExtensionReasons");
        Map<String, Object> both = extension("2027-02-05", "Complexe verwerking");
        both.put("dpaInformationRequested", true);
        both.put("dpaInformationRequestedOn", "2027-02-04");
        assertThat(refusal(() -> lead(system, "dpa-consultation-answer", both)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("one report");
        assertThat(dpia).isWaitingAt("dpa-consultation-answer");
        assertThat(runtime.getVariable(dpia.getId(), "dpaConsultationExtended")).isEqualTo(false);

        lead(system, "dpa-consultation-answer", extension("2027-02-05", "Complexe verwerking"));
        assertThat(dpia).hasPassed("dpa-record-announced-extension").isWaitingAt("dpa-consultation-answer");
        // 5 January + 8 + 6 weeks = 13 April, + 14 days suspended = 27 April, the end of that day in summer time.
        assertThat(dpaTimer(dpia)).isEqualTo(Instant.parse("2027-04-27T22:00:00Z"));
        assertThat(runtime.getVariable(dpia.getId(), "dpaExtensionAnnounced")).isEqualTo(false);
        assertThat(refusal(() -> lead(system, "dpa-consultation-answer", extension("2027-02-05", "Nog eens"))))
                .as("the DPA extends only once")
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only once");
        assertThat(dpaTimer(dpia)).isEqualTo(Instant.parse("2027-04-27T22:00:00Z"));

        runJob(dpia.getId(), "dpa-consultation-expired");
        Map<String, Object> again = new HashMap<>();
        again.put("dpaOverdueAnnouncedOn", "2027-02-05");
        again.put("dpaOverdueReasons", "Nog eens");
        again.put("dpaOverdueAction", "EXTENDED");
        again.put("dpaOverdueNote", "Nog eens");
        assertThat(refusal(() -> completeAs("manager", "manager", task(system, "dpa-consultation-overdue"), again)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only once");
        completeAs(
                "manager",
                "manager",
                task(system, "dpa-consultation-overdue"),
                Map.of("dpaOverdueAction", "PROCEED", "dpaOverdueNote", "Geen antwoord"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        assertThat(runtime.getVariables(dpia.getId()))
                .as("no answer of the DPA: nothing to show")
                .doesNotContainKeys("dpaAnswerForDecision", "dpaAnswerSuperseded");
        assertThat(audit.events(system, 100))
                .filteredOn(e -> e.action().equals("DPA_CONSULTATION_EXTENDED"))
                .singleElement()
                .satisfies(e -> assertThat(e.details())
                        .contains("\"announcedOn\":\"2027-02-05\"")
                        .contains("\"reasons\":\"Complexe verwerking\""));
    }

    @Test
    @DisplayName("DPIA: na herziening en nieuwe raadpleging telt het oude AP-antwoord niet meer mee")
    void aNewConsultationLeavesNoAnswerOfTheEarlierOne() {
        // The DPIA starts on 4 January 2027; no date of the DPA's consultation may lie after the engine's today.
        clock.today("2027-01-04");
        String system = newSystem();
        ProcessInstance dpia = startAssessment("dpia", system);
        fillDpia(system, "HIGH");
        decide(system, "privacy-officer-advice", "APPROVED");
        clock.today("2027-03-10");
        lead(system, "dpa-consultation-submit", submission("2027-01-04", "2027-01-05", "AP-2027-6"));
        lead(system, "dpa-consultation-answer", dpaAnswer("INFRINGEMENT"));
        sendBack(system, "alderman-decision", "Andere maatregel", "dpia-section-d");
        Map<String, Object> d = dpiaSection("d", "HIGH");
        d.put("sectionDResidualJustification", "Toets door drie consulenten");
        lead(system, "rework-dpia-section-d", d);
        decide(system, "privacy-officer-advice", "APPROVED");
        lead(system, "dpa-consultation-submit", submission("2027-03-01", "2027-03-02", "AP-2027-7"));
        assertThat(runtime.getVariables(dpia.getId())).doesNotContainKeys("dpaAnswerOutcome", "dpaAnswerSummary");
        lead(system, "dpa-consultation-answer", extension("2027-03-10", "Nieuwe inhoud"));
        assertThat(version(system, AssessmentType.DPIA, 1).answers().get("dpa-consultation-answer"))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .doesNotContainKey("dpaAnswerOutcome");
        runJob(dpia.getId(), "dpa-consultation-expired");
        completeAs(
                "manager",
                "manager",
                task(system, "dpa-consultation-overdue"),
                Map.of("dpaOverdueAction", "PROCEED", "dpaOverdueNote", "Geen antwoord"));
        assertThat(dpia).isWaitingAt("alderman-decision");
        assertThat(runtime.getVariables(dpia.getId()))
                .doesNotContainKeys("dpaAnswerForDecision", "dpaAnswerSuperseded");
        Map<String, Object> input = gateInput("APPROVED", "Na nieuwe raadpleging");
        input.put("deviationMotivation", "Maatregelen aangescherpt");
        decide(system, "alderman-decision", input);
        assertThat(dpia).isEnded();
    }

    static Map<String, Object> extension(String announcedOn, String reasons) {
        Map<String, Object> v = new HashMap<>();
        v.put("dpaExtensionAnnounced", true);
        v.put("dpaExtensionAnnouncedOn", announcedOn);
        v.put("dpaExtensionReasons", reasons);
        return v;
    }

    // ---- incidents (process incident, ADR 0033)

    /** Reported now; the organisation became aware at {@code awareAt} ("bekend sinds"). */
    ProcessInstance reportIncident(String system, Instant awareAt) {
        return runtime.startProcessInstanceByKey(
                "incident",
                system,
                Map.of(
                        "incidentDescription",
                        "Storing in de toekenning",
                        "incidentReportedAt",
                        java.util.Date.from(Instant.now()),
                        "incidentAwareSince",
                        java.util.Date.from(awareAt)));
    }

    static Map<String, Object> incidentClassification(String seriousness, String breachRisk) {
        return Map.of(
                "incidentSeriousness",
                seriousness,
                "incidentBreachRisk",
                breachRisk,
                "incidentClassificationMotivation",
                "Onderbouwing " + seriousness + " " + breachRisk);
    }

    List<String> auditActions(String system) {
        return audit.events(system, 200).stream().map(e -> e.action()).toList();
    }

    @Test
    @DisplayName(
            "Incident: ernstig (overlijden) en datalek met hoog risico, alle termijnen escaleren, gebruik opgeschort en hervat, nieuwe ronde")
    void aSeriousIncidentThatIsABreachRunsEveryNotificationAndEscalation() {
        String system = newSystem();
        ProcessInstance cycle = startCycle(system);
        lead(system, "fill-in-triage", triage());
        assertThat(cycle).isWaitingAt("evaluate-wait");
        Instant awareAt = Instant.now().minus(Duration.ofDays(4)).truncatedTo(ChronoUnit.SECONDS);
        ProcessInstance incident = reportIncident(system, awareAt);

        lead(system, "classify-incident", incidentClassification("DEATH", "HIGH_RISK"));
        assertThat(incident).isWaitingAt("decide-suspension", "notify-provider", "notify-dpa");
        // The periods run from awareness (GDPR Art. 33(1), AI Act Art. 73(2)), four days before the report.
        assertThat(task(system, "notify-provider").getDueDate().toInstant())
                .isEqualTo(awareAt.plus(Duration.ofHours(24)));
        assertThat(incidents.of(system).get(0).awareSince()).isEqualTo(awareAt);
        // Every open incident task is a wait on the oversight list (WaitTracker tracks process "incident").
        assertThat(jdbc.sql("SELECT gate FROM wb_open_wait WHERE system_id = ?")
                        .param(system)
                        .query(String.class)
                        .list())
                .contains("decide-suspension", "notify-provider", "notify-dpa");
        assertThat(task(system, "notify-dpa").getDueDate().toInstant()).isEqualTo(awareAt.plus(Duration.ofHours(72)));

        lead(
                system,
                "decide-suspension",
                Map.of("art79Risk", "NO", "suspendUse", "YES", "suspensionMotivation", "Risico op schade"));
        assertThat(incidents.useSuspended(system)).isTrue();

        runJob(incident.getId(), "notify-provider-deadline-near");
        assertThat(task(system, "escalate-notify-provider").getTaskDefinitionKey())
                .isEqualTo("escalate-notify-provider");
        assertThat(jdbc.sql("SELECT candidate_group FROM wb_open_wait WHERE system_id = ? AND gate = ?")
                        .params(system, "escalate-notify-provider")
                        .query(String.class)
                        .single())
                .isEqualTo("manager");
        completeAs("manager", "manager", task(system, "escalate-notify-provider"), Map.of("escalationNote", "Gebeld"));
        lead(system, "notify-provider", Map.of("providerNotification", "Per e-mail aan de leverancier"));
        assertThat(task(system, "notify-authority").getDueDate().toInstant())
                .isEqualTo(awareAt.plus(Duration.ofDays(10)));
        runJob(incident.getId(), "notify-authority-deadline-near");
        completeAs(
                "manager",
                "manager",
                task(system, "escalate-notify-authority"),
                Map.of("escalationNote", "Nagevraagd"));
        lead(system, "notify-authority", Map.of("authorityNotification", "Melding bij de RDI, kenmerk 12"));

        runJob(incident.getId(), "notify-dpa-deadline-near");
        completeAs("manager", "manager", task(system, "escalate-notify-dpa"), Map.of("escalationNote", "Te laat"));
        // 72 hours have passed: without reasons for the delay the notice is refused and the task stays open.
        assertThat(refusal(() -> lead(system, "notify-dpa", Map.of("dpaNotificationReference", "AP-1"))))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reasons for the delay");
        lead(system, "notify-dpa", Map.of("dpaNotificationReference", "AP-1", "dpaDelayReasons", "Onderzoek liep"));
        runJob(incident.getId(), "inform-data-subjects-deadline-near");
        completeAs(
                "manager",
                "manager",
                task(system, "escalate-inform-data-subjects"),
                Map.of("escalationNote", "Brief klaar"));
        lead(system, "inform-data-subjects", Map.of("dataSubjectsNotification", "Brief aan 120 betrokkenen"));

        lead(system, "assess-risk-change", Map.of("riskChanged", "YES", "riskReviewMotivation", "Nieuw risico"));
        assertThat(cycle).isWaitingAt("fill-in-triage");
        assertThat(cycle).variables().containsEntry("round", 2);
        lead(system, "record-resumption", Map.of("resumptionMotivation", "Leverancier heeft de fout hersteld"));
        assertThat(incident)
                .hasPassed("start-incident-round", "incident-closed-resumed")
                .isEnded();
        assertThat(incidents.useSuspended(system)).isFalse();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_open_wait WHERE system_id = ? AND gate LIKE '%notify%'")
                        .param(system)
                        .query(Long.class)
                        .single())
                .as("done incident tasks are no longer waits")
                .isZero();
        assertThat(incidents.of(system)).singleElement().satisfies(i -> {
            assertThat(i.seriousness()).isEqualTo("DEATH");
            assertThat(i.breachRisk()).isEqualTo("HIGH_RISK");
            assertThat(i.resumedAt()).isNotNull();
            assertThat(i.closedAt()).isNotNull();
        });
        assertThat(auditActions(system))
                .contains("INCIDENT_REPORTED", "INCIDENT_CLASSIFIED", "USE_SUSPENDED", "INCIDENT_DEADLINE_NEAR")
                .contains("INCIDENT_NOTIFIED", "INCIDENT_RISK_REVIEWED", "NEW_ROUND_STARTED", "USE_RESUMED")
                .contains("INCIDENT_CLOSED");
        assertThat(auditActions(system).stream().filter("INCIDENT_NOTIFIED"::equals))
                .hasSize(4);
    }

    @Test
    @DisplayName(
            "Incident: geen ernstig incident en geen datalek: geen meldingen, gebruik loopt door, risico ongewijzigd")
    void anIncidentWithoutDutiesOnlyRecordsTheDecisions() {
        String system = newSystem();
        ProcessInstance incident = reportIncident(system, Instant.now());
        lead(system, "classify-incident", incidentClassification("NONE", "UNLIKELY"));
        assertThat(incident).isWaitingAt("decide-suspension");
        lead(
                system,
                "decide-suspension",
                Map.of("art79Risk", "NO", "suspendUse", "NO", "suspensionMotivation", "Geen schade"));
        lead(system, "assess-risk-change", Map.of("riskChanged", "NO", "riskReviewMotivation", "Bekend risico"));
        assertThat(incident)
                .hasPassed("incident-closed")
                .hasNotPassed("notify-provider", "notify-dpa", "start-incident-round", "record-resumption")
                .isEnded();
        assertThat(auditActions(system)).contains("USE_CONTINUED").doesNotContain("INCIDENT_NOTIFIED");
    }

    @Test
    @DisplayName(
            "Incident: datalek met risico: melding aan de AP op tijd, betrokkenen niet; geen nieuwe ronde buiten Evalueren")
    void aBreachWithRiskGoesOnlyToTheDpa() {
        String system = newSystem();
        ProcessInstance incident = reportIncident(system, Instant.now());
        lead(system, "classify-incident", incidentClassification("NONE", "RISK"));
        assertThat(incident).isWaitingAt("decide-suspension", "notify-dpa");
        lead(system, "notify-dpa", Map.of("dpaNotificationReference", "AP-2"));
        lead(
                system,
                "decide-suspension",
                Map.of("art79Risk", "NO", "suspendUse", "NO", "suspensionMotivation", "Geen schade"));
        lead(system, "assess-risk-change", Map.of("riskChanged", "YES", "riskReviewMotivation", "Meer gegevens"));
        assertThat(incident)
                .hasPassed("notify-dpa", "start-incident-round", "incident-closed")
                .hasNotPassed("inform-data-subjects", "notify-provider")
                .isEnded();
        assertThat(audit.events(system, 50))
                .anySatisfy(e -> assertThat(e.details()).contains("not started"));
    }
}
