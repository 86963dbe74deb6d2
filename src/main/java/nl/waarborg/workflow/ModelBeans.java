package nl.waarborg.workflow;

import java.util.Set;
import nl.waarborg.engine.ExpressionBeans;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the process models in bpmn/ name in their expressions, and so the only beans expressions can reach
 * (ADR 0021). A model that needs a new delegate adds its name here; ModelBeansContractTest fails when a name is
 * missing or no longer used.
 */
@Configuration(proxyBeanMethods = false)
class ModelBeans {

    @Bean
    static ExpressionBeans modelExpressionBeans() {
        return new ExpressionBeans(Set.of(
                // task listeners
                "contentTaskListener",
                "gateTaskListener",
                "actionPointTaskListener",
                "goLiveChecks",
                "friaElements",
                "triageFollowUp",
                // execution listeners and delegates of the cycle
                "cycleLifecycle",
                "triageRecorder",
                "triageOptions",
                "startNextRound",
                "assessRoundOutcome",
                "planNextReview",
                "implementationPreparer",
                "enterDevelopPhase",
                "enterImplementPhase",
                "enterEvaluatePhase",
                "enterStoppedPhase",
                "enterRetiredPhase",
                "enterRegisteredPhase",
                // execution listeners and delegates of the IAMA and DPIA
                "assessmentLifecycle",
                "routeRework",
                "finishRework",
                "reportGateOverdue",
                "assessResidualRisk",
                "checkRiskReferences",
                "recordDpaSubmission",
                "recordDpaExtension",
                "recordDpaOverdue",
                "recordDpaAnswer",
                "recordDpaInformation",
                "showDpaAnswer",
                // the incident process (ADR 0033)
                "incidentReported",
                "incidentClassification",
                "incidentSuspension",
                "incidentNotification",
                "incidentEscalation",
                "incidentRiskReview",
                "incidentNewRound",
                "incidentResumption",
                "incidentClosed",
                // due dates
                "gateSla"));
    }
}
