package nl.waarborg.workflow;

import nl.waarborg.assessment.AssessmentReads;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans iama.bpmn and dpia.bpmn name with {@code camunda:delegateExpression} (besides the task listeners): each
 * hands one step of the model to one use case. Values the model routes or waits on are plain variables.
 */
@Configuration(proxyBeanMethods = false)
class AssessmentDelegates {

    /** Read by the rework split's conditions ({@code ${rework['iama-part-1']}}); transient, it lives only while routing. */
    static final String REWORK = "rework";
    /** Read by the gateway "Hoog restrisico?" ({@code ${highResidualRisk}}); transient as well. */
    static final String HIGH_RESIDUAL_RISK = "highResidualRisk";
    /** Read by the gateway "Maatregelen bij bestaande risico's?" ({@code ${measuresNameMissingRisks}}); transient. */
    static final String MEASURES_NAME_MISSING_RISKS = "measuresNameMissingRisks";
    /** Read by the timer on the DPA's answer ({@code ${dpaConsultationDueDate}}). */
    static final String DPA_CONSULTATION_DUE_DATE = "dpaConsultationDueDate";
    /** Read by the gateway "Wat meldt de AP?" ({@code ${dpaAwaitingInformation}}); transient. */
    static final String AWAITING_INFORMATION = "dpaAwaitingInformation";
    /** Read by the gateway "Wat meldt de AP?" ({@code ${dpaExtensionAnnouncedNow}}); transient. */
    static final String EXTENSION_ANNOUNCED_NOW = "dpaExtensionAnnouncedNow";

    /** Rework split "Welke onderdelen?" (start): which parts were sent back. */
    @Bean
    ExecutionListener routeRework(SendBack sendBack) {
        return execution -> execution.setVariable(
                REWORK, Variables.objectValue(sendBack.rework(execution), true).create());
    }

    /** Rework join (end): the send-back is done. */
    @Bean
    ExecutionListener finishRework(SendBack sendBack) {
        return sendBack::clear;
    }

    /**
     * Gateway "Maatregelen bij bestaande risico's?" after a DPIA's rework (start): whether section D names a risk that
     * section C no longer has, so that D is taken up again before review (ADR 0051).
     */
    @Bean
    ExecutionListener checkRiskReferences(MeasureReferences references) {
        return execution -> execution.setVariable(
                MEASURES_NAME_MISSING_RISKS, Variables.booleanValue(references.nameMissingRisks(execution), true));
    }

    /** Service task "Termijnoverschrijding melden" after a gate's service-level timer. */
    @Bean
    JavaDelegate reportGateOverdue(GateServiceLevel serviceLevel) {
        return serviceLevel::escalate;
    }

    /** Gateway "Hoog restrisico?" (start): whether section D leaves a high residual risk (GDPR Art. 36). */
    @Bean
    ExecutionListener assessResidualRisk(ResidualRisk residualRisk) {
        return execution ->
                execution.setVariable(HIGH_RESIDUAL_RISK, Variables.booleanValue(residualRisk.high(execution), true));
    }

    /**
     * "Raadpleging AP indienen" (end): the DPA's period starts. Not when the task ends because its cycle was cancelled:
     * then nothing was submitted.
     */
    @Bean
    ExecutionListener recordDpaSubmission(DpaConsultation consultation) {
        return execution -> {
            if (execution.isCanceled()) {
                return;
            }
            consultation.submitted(execution);
            dueDate(consultation, execution);
        };
    }

    /**
     * "Antwoord AP vastleggen" (end): an answer, a request for information that suspends the period, or an announced
     * extension (read by the gateway "Wat meldt de AP?"). Not when the timer cancelled the task.
     */
    @Bean
    ExecutionListener recordDpaAnswer(DpaConsultation consultation) {
        return execution -> {
            if (execution.isCanceled()) {
                return;
            }
            DpaConsultation.Report report = consultation.reported(execution);
            execution.setVariable(
                    AWAITING_INFORMATION,
                    Variables.booleanValue(report == DpaConsultation.Report.INFORMATION_REQUESTED, true));
            execution.setVariable(
                    EXTENSION_ANNOUNCED_NOW,
                    Variables.booleanValue(report == DpaConsultation.Report.EXTENSION_ANNOUNCED, true));
        };
    }

    /** "Informatie aan AP leveren" (end): the suspension ends; the period runs on with the days it stood still. */
    @Bean
    ExecutionListener recordDpaInformation(DpaConsultation consultation) {
        return execution -> {
            if (execution.isCanceled()) {
                return;
            }
            consultation.informationSupplied(execution);
            dueDate(consultation, execution);
        };
    }

    /** Service task "Verlenging vastleggen": the DPA extended its period (once); the timer follows the new last day. */
    @Bean
    JavaDelegate recordDpaExtension(DpaConsultation consultation) {
        return execution -> {
            consultation.extend(execution);
            dueDate(consultation, execution);
        };
    }

    /**
     * "Besluit wethouder" of the DPIA (create): the DPA's answer as its form shows it, taken from the version (not from
     * the answer task's variables) and only while it concerns the content decided on ({@link DpaAnswerShown}).
     */
    @Bean
    TaskListener showDpaAnswer(AssessmentReads reads) {
        return task -> DpaAnswerShown.show(
                task.getExecution(),
                reads.versionOfProcess(task.getProcessInstanceId())
                        .flatMap(v -> reads.dpaAnswer(v.assessmentId(), v.number())));
    }

    /** "Verlopen termijn AP opvolgen" (start): the DPA did not answer in time. */
    @Bean
    ExecutionListener recordDpaOverdue(DpaConsultation consultation) {
        return consultation::overdue;
    }

    private static void dueDate(DpaConsultation consultation, DelegateExecution execution) {
        execution.setVariable(DPA_CONSULTATION_DUE_DATE, consultation.dueDate(execution));
    }
}
