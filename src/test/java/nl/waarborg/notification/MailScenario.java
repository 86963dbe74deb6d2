package nl.waarborg.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.demo.DemoDriver;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with mail switched on, sending to a real SMTP server (GreenMail) on this JVM: quick sender and
 * retries, digests and deadline checks only when a test asks (they are the scheduled methods the application runs).
 * All mail tests share this one context; each works with systems and users of its own and looks only at their mail.
 */
@Tag("database")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // An extra context in this JVM: its own engine name, and without Camunda's webapps, whose static runtime
            // would otherwise point the shared test context's Tasklist and /engine-rest at this context's engine.
            "camunda.bpm.process-engine-name=mail",
            "camunda.bpm.webapp.enabled=false",
            "spring.mail.host=127.0.0.1",
            "waarborg.mail.base-url=https://waarborg.gemeente.example/",
            "waarborg.mail.send-interval=PT0.2S",
            "waarborg.mail.retry-backoff=PT0.5S",
            "waarborg.mail.retry-backoff-max=PT1S",
            "waarborg.mail.max-attempts=1000",
            "waarborg.mail.digest-check=PT1H",
            "waarborg.mail.deadline-check=PT1H"
        })
abstract class MailScenario {

    static final Map<String, Object> NEEDS_IAMA = nl.waarborg.process.TriageAnswers.IMPACTFUL_WITHOUT_PERSONAL_DATA;
    static final ObjectMapper JSON = new ObjectMapper();
    static final String DOMAIN = "@gemeente.example";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> TestSmtp.PORT);
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    SystemRegistry systems;

    @Autowired
    DemoDriver driver;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Digests digests;

    @Autowired
    DeadlineWatch deadlines;

    @BeforeEach
    void smtpUp() {
        TestSmtp.start();
    }

    Http as(String user) {
        return Http.api(port).as(user, "demo");
    }

    /** A user with an e-mail address and the demo password, in these groups. */
    String newUser(String prefix, String... groups) {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        User user = identity.newUser(id);
        user.setFirstName("Test");
        user.setLastName(prefix);
        user.setEmail(id + DOMAIN);
        DemoUsers.saveWithDemoPassword(identity, user);
        for (String group : groups) {
            identity.createMembership(id, group);
        }
        return id;
    }

    void putSettings(String user, String json) {
        HttpResponse<String> response = as(user).sendJson("PUT", "/api/me/notification-settings", json);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** A new system of {@code owner} whose cycle runs, with "lead" in its team, driven until {@code activity} is open. */
    String systemAt(String name, String owner, String activity) {
        String systemId = systems.register(name, null, "Sociaal Domein", owner).id();
        if (!"lead".equals(owner)) {
            HttpResponse<String> added = as(owner).postJson("/api/systems/" + systemId + "/co-authors/lead", "{}");
            assertThat(added.statusCode()).as(added.body()).isLessThan(300);
        }
        HttpResponse<String> started = as(owner).postJson("/api/systems/" + systemId + "/cycles", "{}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        driver.driveUntil(systemId, activity, NEEDS_IAMA);
        taskAt(systemId, activity);
        return systemId;
    }

    static String uniqueName(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    Task taskAt(String systemId, String activity) {
        List<Task> tasks = engine.getTaskService()
                .createTaskQuery()
                .processInstanceBusinessKey(systemId)
                .taskDefinitionKey(activity)
                .list();
        assertThat(tasks).as("open task %s of %s", activity, systemId).hasSize(1);
        return tasks.get(0);
    }

    void completeOk(String user, String taskId, Map<String, Object> values) throws IOException {
        HttpResponse<String> response =
                as(user).postJson("/api/tasks/" + taskId + "/complete", JSON.writeValueAsString(values));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    /** Waits until the outbox has nothing left to send. */
    void outboxDrained() {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM wb_mail_outbox WHERE status IN ('PENDING', 'SENDING')")
                                .query(Long.class)
                                .single()
                        == 0);
    }

    /** A mail as received by the SMTP server. */
    record Received(String to, String subject, String body, String messageId) {}

    /** The mails the server received for this user, after the outbox has drained. */
    List<Received> mailsTo(String user) {
        outboxDrained();
        return TestSmtp.received().stream()
                .map(MailScenario::received)
                .filter(m -> m.to().equals(user + DOMAIN))
                .toList();
    }

    /** This user's mails that mention {@code text} (a system's unique name, say). */
    List<Received> mailsTo(String user, String text) {
        return mailsTo(user).stream()
                .filter(m -> m.subject().contains(text) || m.body().contains(text))
                .toList();
    }

    static Received received(MimeMessage message) {
        try {
            return new Received(
                    message.getRecipients(Message.RecipientType.TO)[0].toString(),
                    message.getSubject(),
                    message.getContent().toString(),
                    message.getMessageID());
        } catch (MessagingException | IOException e) {
            throw new AssertionError(e);
        }
    }
}
