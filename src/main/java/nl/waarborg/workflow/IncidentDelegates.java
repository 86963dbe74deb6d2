package nl.waarborg.workflow;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans incident.bpmn names (ADR 0033): each hands one step to {@link IncidentSteps}. */
@Configuration(proxyBeanMethods = false)
class IncidentDelegates {

    /** Start event "Incident gemeld". */
    @Bean
    ExecutionListener incidentReported(IncidentSteps steps) {
        return steps::reported;
    }

    /** Task "Incident classificeren" (complete): routing variables and deadlines. */
    @Bean
    TaskListener incidentClassification(IncidentSteps steps) {
        return steps::classified;
    }

    /** Task "Besluiten over opschorten van het gebruik" (complete). */
    @Bean
    TaskListener incidentSuspension(IncidentSteps steps) {
        return steps::suspension;
    }

    /** The four notification tasks (create and complete). */
    @Bean
    TaskListener incidentNotification(IncidentSteps steps) {
        return steps::notification;
    }

    /** The manager's tasks after the timers "Termijn nadert" (create). */
    @Bean
    TaskListener incidentEscalation(IncidentSteps steps) {
        return steps::escalation;
    }

    /** Task "Beoordelen of het risico is veranderd" (complete). */
    @Bean
    TaskListener incidentRiskReview(IncidentSteps steps) {
        return steps::riskReviewed;
    }

    /** Service task "Nieuwe beoordelingsronde starten". */
    @Bean
    JavaDelegate incidentNewRound(IncidentSteps steps) {
        return steps::newRound;
    }

    /** Task "Hervatten van het gebruik vastleggen" (complete). */
    @Bean
    TaskListener incidentResumption(IncidentSteps steps) {
        return steps::resumed;
    }

    /** Both end events (end). */
    @Bean
    ExecutionListener incidentClosed(IncidentSteps steps) {
        return steps::closed;
    }
}
