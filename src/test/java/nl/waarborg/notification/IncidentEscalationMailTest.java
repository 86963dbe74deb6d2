package nl.waarborg.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * ADR 0033 with ADR 0026: when a notification of an incident nears its legal deadline, every manager gets a Dutch mail
 * through the outbox naming the system, the incident, the notification and its deadline; nobody else gets it.
 */
class IncidentEscalationMailTest extends MailScenario {

    @Test
    void theManagersHearInDutchThatTheDpaDeadlineNears() throws Exception {
        String manager = newUser("mgr", "manager");
        String officer = newUser("fg", "privacy-officer");
        String name = uniqueName("Incident mail");
        String systemId = systems.register(name, null, "Sociaal Domein", "lead").id();
        jdbc.sql("UPDATE wb_system SET created_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofDays(5))), systemId)
                .update();
        Instant aware = Instant.now().minus(Duration.ofHours(60)).truncatedTo(ChronoUnit.SECONDS);
        HttpResponse<String> reported = as("lead")
                .postJson(
                        "/api/systems/" + systemId + "/incidents",
                        JSON.writeValueAsString(Map.of("description", "Lijst gelekt", "awareSince", aware.toString())));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(201);
        String incident = JSON.readTree(reported.body()).path("incidentId").asText();
        completeOk(
                "lead",
                taskAt(systemId, "classify-incident").getId(),
                Map.of(
                        "incidentSeriousness", "NONE",
                        "incidentBreachRisk", "RISK",
                        "incidentClassificationMotivation", "Adressen in verkeerde brieven"));
        assertThat(mailsTo(manager, name))
                .as("nothing before the deadline nears")
                .isEmpty();

        List<Job> timers = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(incident)
                .activityId("notify-dpa-deadline-near")
                .list();
        assertThat(timers).hasSize(1);
        engine.getManagementService().executeJob(timers.get(0).getId());

        List<Received> mails = mailsTo(manager, name);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("Meldtermijn incident loopt bijna af: " + name);
        assertThat(mails.get(0).body())
                .startsWith("Beste Test mgr,")
                .contains("de melding van het datalek bij de Autoriteit Persoonsgegevens (art. 33 AVG)")
                .contains("gemeld")
                .contains(MailTemplates.moment(aware.plus(Duration.ofHours(72)), "nl"))
                .contains("https://waarborg.gemeente.example/systemen/" + systemId)
                .doesNotContain("Lijst gelekt");
        assertThat(mailsTo(officer, "Meldtermijn incident")).as("only managers").isEmpty();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM wb_mail_outbox WHERE kind = 'INCIDENT_DEADLINE_NEAR' AND recipient_user = ?")
                        .param(manager)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // The general watch sends no "termijn nadert" of its own for the notification nor for the manager's task:
        // one mail, not two (ADR 0043).
        ZonedDateTime due = aware.plus(Duration.ofHours(72)).atZone(ZoneId.of("Europe/Amsterdam"));
        deadlines.check(ZonedDateTime.now(ZoneId.of("Europe/Amsterdam")));
        deadlines.check(due.minusHours(1));
        assertThat(mailsTo(manager, name)).hasSize(1);
        assertThat(mailsTo("lead", name))
                .as("the owner of the notification task")
                .isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM wb_mail_outbox WHERE kind = 'DEADLINE_APPROACHING' AND body LIKE ?")
                        .param("%" + name + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
