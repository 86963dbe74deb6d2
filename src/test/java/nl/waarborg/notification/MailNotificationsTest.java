package nl.waarborg.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Each event makes the expected mail for the right people and nobody else, over a real SMTP server: new tasks of a group
 * (digest and single), an assignment, an approaching and a passed deadline, a decision for the owner, a send-back with
 * its remarks for the team; in English for a user who chose English; and nothing for a user who switched it off.
 */
class MailNotificationsTest extends MailScenario {

    static final String FG_GATE = "privacy-officer-advice";
    static final String LINK = "https://waarborg.gemeente.example/taken/";

    static String settings(String language, boolean newGroupTask, boolean digest) {
        return "{\"language\":\"" + language + "\",\"newGroupTask\":" + newGroupTask + ",\"digest\":" + digest
                + ",\"taskAssigned\":true,\"deadlineApproaching\":true,\"deadlinePassed\":true,\"decision\":true,"
                + "\"sendBack\":true}";
    }

    @Test
    void newTasksOfAGroupComeInOneDigestAtMostOncePerInterval() {
        String officer = newUser("fg", "privacy-officer");
        String outsider = newUser("pl", "project-lead");
        String a = uniqueName("Digest A");
        String b = uniqueName("Digest B");
        Task taskA = taskAt(systemAt(a, "lead", FG_GATE), FG_GATE);
        Task taskB = taskAt(systemAt(b, "lead", FG_GATE), FG_GATE);
        assertThat(mailsTo(officer)).as("nothing before the digest").isEmpty();

        digests.sendDue();
        List<Received> first = mailsTo(officer);
        assertThat(first).hasSize(1);
        assertThat(first.get(0).subject()).isEqualTo("2 nieuwe taken voor uw groep in Waarborg");
        assertThat(first.get(0).body())
                .startsWith("Beste Test fg,")
                .contains(a, b, LINK + taskA.getId(), LINK + taskB.getId())
                .contains("Advies functionaris gegevensbescherming")
                .contains("https://waarborg.gemeente.example/instellingen");

        String c = uniqueName("Digest C");
        systemAt(c, "lead", FG_GATE);
        digests.sendDue();
        assertThat(mailsTo(officer))
                .as("the next digest waits for the interval")
                .hasSize(1);

        jdbc.sql("UPDATE wb_mail_outbox SET created_at = :before WHERE recipient_user = :user AND kind = 'DIGEST'")
                .param("before", Timestamp.from(Instant.now().minus(16, ChronoUnit.MINUTES)))
                .param("user", officer)
                .update();
        digests.sendDue();
        List<Received> both = mailsTo(officer);
        assertThat(both).hasSize(2);
        assertThat(both.get(1).body()).contains(c).doesNotContain(a).doesNotContain(b);
        assertThat(mailsTo(outsider))
                .as("a project lead outside the team hears nothing")
                .isEmpty();
    }

    @Test
    void withoutTheDigestEachTaskIsOneMailAndSwitchedOffMeansNone() {
        String single = newUser("fg", "privacy-officer");
        String silent = newUser("fg", "privacy-officer");
        putSettings(single, settings("nl", true, false));
        putSettings(silent, settings("nl", false, true));
        String name = uniqueName("Los");
        Task task = taskAt(systemAt(name, "lead", FG_GATE), FG_GATE);

        List<Received> mails = mailsTo(single);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject())
                // The task names its assessment (issue 18), already in the mail of its creation.
                .isEqualTo("Nieuwe taak voor uw groep: Advies functionaris gegevensbescherming (IAMA) (" + name + ")");
        assertThat(mails.get(0).body()).contains(LINK + task.getId());
        digests.sendDue();
        assertThat(mailsTo(silent)).isEmpty();
    }

    @Test
    void aTaskAssignedByAnotherIsMailedAndAClaimOfOnesOwnIsNot() {
        String assignee = newUser("fg", "privacy-officer");
        String claimer = newUser("fg", "privacy-officer");
        String name = uniqueName("Toewijzing");
        Task task = taskAt(systemAt(name, "lead", FG_GATE), FG_GATE);
        HttpResponse<String> reassigned = as("admin")
                .postJson(
                        "/api/admin/work/tasks/" + task.getId() + "/assignee",
                        "{\"assignee\":\"" + assignee + "\",\"reason\":\"Vervangt de FG\"}");
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);

        List<Received> mails = mailsTo(assignee, "toegewezen");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains(name);
        assertThat(mails.get(0).body()).contains("(admin) heeft de taak", LINK + task.getId());

        String other = uniqueName("Zelf");
        Task own = taskAt(systemAt(other, "lead", FG_GATE), FG_GATE);
        assertThat(as(claimer)
                        .postJson("/api/tasks/" + own.getId() + "/claim", "{}")
                        .statusCode())
                .isLessThan(300);
        assertThat(mailsTo(claimer, "toegewezen")).isEmpty();
    }

    @Test
    void theOwnerHearsOfADecisionInTheirLanguageWithoutItsContent() throws Exception {
        String owner = newUser("owner", "project-lead");
        putSettings(owner, settings("en", false, true));
        String name = uniqueName("Besluit");
        Task gate = taskAt(systemAt(name, owner, FG_GATE), FG_GATE);
        completeOk("fg", gate.getId(), Map.of("decision", "APPROVED", "motivation", "Vertrouwelijke motivering 4711"));

        List<Received> mails = mailsTo(owner, name);
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject())
                .isEqualTo("Decision on your system: Advice of the data protection officer (" + name + ")");
        assertThat(mails.get(0).body())
                .startsWith("Dear Test owner,")
                .contains("(fg) recorded a decision on version 1 of the IAMA")
                .contains("My settings")
                .doesNotContain("Vertrouwelijke motivering")
                .doesNotContain("APPROVED");
        assertThat(mailsTo("lead", name)).as("a co-author is not the owner").isEmpty();
        assertThat(mailsTo("fg", name)).as("nobody hears of their own decision").isEmpty();
    }

    @Test
    void aSendBackReachesTheWholeTeamWithTheRemarks() throws Exception {
        String owner = newUser("owner", "project-lead");
        putSettings(owner, settings("en", false, true));
        String name = uniqueName("Terug");
        Task gate = taskAt(systemAt(name, owner, FG_GATE), FG_GATE);
        completeOk(
                "fg",
                gate.getId(),
                Map.of(
                        "decision",
                        "SENT_BACK",
                        "motivation",
                        "Beschrijf het doel scherper.",
                        "sendBackTo",
                        List.of("iama-part-1")));

        List<Received> english = mailsTo(owner, name);
        assertThat(english).hasSize(1);
        assertThat(english.get(0).subject()).isEqualTo("Sent back: IAMA of " + name);
        assertThat(english.get(0).body()).contains("Beschrijf het doel scherper.");
        List<Received> dutch = mailsTo("lead", name).stream()
                .filter(m -> m.subject().startsWith("Teruggestuurd"))
                .toList();
        assertThat(dutch).hasSize(1);
        assertThat(dutch.get(0).subject()).isEqualTo("Teruggestuurd: IAMA van " + name);
        assertThat(dutch.get(0).body())
                .contains("Beschrijf het doel scherper.")
                .contains("https://waarborg.gemeente.example/systemen/");
    }

    @Test
    void anApproachingAndAPassedDeadlineReachTheGroupAndTheManagersOnce() {
        String officer = newUser("fg", "privacy-officer");
        String ethics = newUser("ec", "ethics-committee");
        putSettings(officer, settings("nl", false, true));
        String name = uniqueName("Termijn");
        Task gate = taskAt(systemAt(name, "lead", FG_GATE), FG_GATE);
        ZonedDateTime due = gate.getDueDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam"));

        deadlines.check(due.minusDays(20));
        assertThat(mailsTo(officer, name)).as("far from the deadline").isEmpty();
        deadlines.check(due.minusHours(1));
        deadlines.check(due.minusMinutes(30));
        List<Received> approaching = mailsTo(officer, name);
        assertThat(approaching).hasSize(1);
        assertThat(approaching.get(0).subject())
                // The engine's name ends with the system (ADR 0047); the mail names it once, in brackets.
                .isEqualTo("Termijn loopt bijna af: Advies functionaris gegevensbescherming (IAMA) (" + name + ")");
        assertThat(gate.getName()).endsWith(" - " + name);
        assertThat(approaching.get(0).body()).contains(LINK + gate.getId());

        deadlines.check(due.plusHours(1));
        deadlines.check(due.plusHours(2));
        List<Received> all = mailsTo(officer, name);
        assertThat(all)
                .extracting(Received::subject)
                .hasSize(2)
                .last()
                .asString()
                .startsWith("Termijn verstreken");
        assertThat(mailsTo("manager", name)).extracting(Received::subject).hasSize(2);
        assertThat(mailsTo(ethics, name)).as("another group").isEmpty();
    }

    void deactivate(String user) {
        HttpResponse<String> done =
                as("admin").postJson("/api/admin/users/" + user + "/deactivation", "{\"reason\":\"Uit dienst\"}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    void assign(String taskId, String user) {
        HttpResponse<String> reassigned = as("admin")
                .postJson(
                        "/api/admin/work/tasks/" + taskId + "/assignee",
                        "{\"assignee\":\"" + user + "\",\"reason\":\"Vervanging\"}");
        assertThat(reassigned.statusCode()).as(reassigned.body()).isEqualTo(200);
    }

    @Test
    void aDeactivatedUserGetsNoMailAndADeactivatedOwnersDecisionGoesToTheTeam() throws Exception {
        String owner = newUser("owner", "project-lead");
        String officer = newUser("fg", "privacy-officer");
        putSettings(officer, settings("nl", false, true));
        String name = uniqueName("Uit dienst");
        Task gate = taskAt(systemAt(name, owner, FG_GATE), FG_GATE);
        assign(gate.getId(), officer);
        assertThat(mailsTo(officer, "toegewezen")).as("still active").hasSize(1);

        deactivate(officer);
        deactivate(owner);
        ZonedDateTime due = gate.getDueDate().toInstant().atZone(ZoneId.of("Europe/Amsterdam"));
        deadlines.check(due.plusHours(1));
        assertThat(mailsTo("manager", name)).extracting(Received::subject).hasSize(1);
        assertThat(mailsTo(officer, "Termijn")).as("the deactivated assignee").isEmpty();

        assign(gate.getId(), "fg");
        completeOk("fg", gate.getId(), Map.of("decision", "APPROVED", "motivation", "Akkoord"));
        assertThat(mailsTo(owner, name)).as("the deactivated owner").isEmpty();
        assertThat(mailsTo("lead", name).stream()
                        .filter(m -> m.subject().startsWith("Besluit over uw systeem"))
                        .toList())
                .as("the co-author hears of the decision instead")
                .hasSize(1);
    }
}
