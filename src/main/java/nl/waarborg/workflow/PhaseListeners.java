package nl.waarborg.workflow;

import nl.waarborg.system.SystemRecord.Phase;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One execution listener per phase of the cycle, attached in assessment-cycle.bpmn as
 * {@code camunda:delegateExpression="${enterDevelopPhase}"} and so on: the model names the phase, the code only moves
 * the system there.
 */
@Configuration(proxyBeanMethods = false)
class PhaseListeners {

    @Bean
    ExecutionListener enterDevelopPhase(SystemPhases phases) {
        return enter(phases, Phase.DEVELOP);
    }

    @Bean
    ExecutionListener enterImplementPhase(SystemPhases phases) {
        return enter(phases, Phase.IMPLEMENT);
    }

    @Bean
    ExecutionListener enterEvaluatePhase(SystemPhases phases) {
        return enter(phases, Phase.EVALUATE);
    }

    /** Stopped after the pre-scan; the triage's reason goes with it. */
    @Bean
    ExecutionListener enterStoppedPhase(SystemPhases phases) {
        return execution -> phases.enter(execution.getProcessBusinessKey(), Phase.STOPPED, stopReason(execution));
    }

    @Bean
    ExecutionListener enterRetiredPhase(SystemPhases phases) {
        return enter(phases, Phase.RETIRED);
    }

    /** Back to registered: the alderman rejected an assessment of this round, so the cycle ends. */
    @Bean
    ExecutionListener enterRegisteredPhase(SystemPhases phases) {
        return enter(phases, Phase.REGISTERED);
    }

    private static ExecutionListener enter(SystemPhases phases, Phase phase) {
        return execution -> phases.enter(execution.getProcessBusinessKey(), phase, null);
    }

    static String stopReason(DelegateExecution execution) {
        Object reason = execution.getVariable(ProcessVariables.TRIAGE_STOP_REASON);
        return reason == null ? null : reason.toString();
    }
}
