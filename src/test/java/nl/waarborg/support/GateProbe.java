package nl.waarborg.support;

import java.util.function.Consumer;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentService.OpenedVersion;
import nl.waarborg.assessment.AssessmentType;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * The test process concurrency/gate-probe.bpmn: one privacy officer gate on a DPIA version opened for that process
 * instance (as the IAMA and DPIA processes do at their start; the gate finds its version through the instance).
 */
public final class GateProbe {

    private GateProbe() {}

    /** The probe's instance, its version and the open gate task. */
    public record Probe(String instanceId, OpenedVersion version, String taskId) {}

    /** Starts a probe for the system; {@code beforeGate} runs on the opened version before the gate opens (e.g. to save content). */
    public static Probe start(
            ProcessEngine engine, AssessmentService assessments, String systemId, Consumer<OpenedVersion> beforeGate) {
        engine.getRepositoryService()
                .createDeployment()
                .addClasspathResource("concurrency/gate-probe.bpmn")
                .name("gate-probe")
                .enableDuplicateFiltering(true)
                .deploy();
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey("gate-probe", systemId)
                .getId();
        OpenedVersion version = assessments.openVersion(systemId, AssessmentType.DPIA, 1, instance, "lead");
        beforeGate.accept(version);
        engine.getRuntimeService().signal(instance);
        String task = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(instance)
                .singleResult()
                .getId();
        return new Probe(instance, version, task);
    }
}
