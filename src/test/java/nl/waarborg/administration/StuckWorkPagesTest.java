package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The page "Vastgelopen werk" (/beheer/werk) over real HTTP with a browser session: only administrators open it; its
 * forms need the CSRF token and a reason; a refusal comes back as a Dutch message and changes nothing; an action done
 * there is audited like the API's.
 */
@WaarborgIntegrationTest
class StuckWorkPagesTest extends StuckWorkScenario {

    static final String PAGE = "/beheer/werk";

    Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    /** Posts a form of the page with the session's CSRF token and returns the page it redirects to. */
    String submit(Http admin, String action, String... pairs) {
        String csrf = Http.csrfTokenFrom(admin.get(PAGE).body());
        String[] withCsrf = java.util.Arrays.copyOf(pairs, pairs.length + 2);
        withCsrf[pairs.length] = "_csrf";
        withCsrf[pairs.length + 1] = csrf;
        HttpResponse<String> posted = admin.postForm(PAGE + action, Http.form(withCsrf));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith(PAGE);
        return admin.get(PAGE).body();
    }

    @Test
    void theAdministratorSeesTheStuckWorkInDutch() {
        String systemId = systemAt("Pagina", "privacy-officer-advice");
        HttpResponse<String> page = login("admin").get(PAGE);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h1>Vastgelopen werk</h1>")
                .contains("Open taken, langst wachtend eerst")
                .contains("Lopende cycli")
                .contains("Mislukte stappen van de procesengine")
                .contains("name=\"_csrf\"")
                .contains(systemId);

        for (String user : new String[] {"manager", "lead", "fg"}) {
            HttpResponse<String> refused = login(user).get(PAGE);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("U heeft geen toegang tot deze pagina.");
        }
    }

    @Test
    void aFormWithoutReasonOrWithAWrongPersonIsRefusedInDutch() {
        String systemId = systemAt("Pagina fouten", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        Http admin = login("admin");

        assertThat(submit(admin, "/toewijzen", "taak", gate.getId(), "behandelaar", "fg", "reden", " "))
                .contains("Vul een reden in; die komt in het auditlog.");
        assertThat(submit(admin, "/toewijzen", "taak", gate.getId(), "behandelaar", "ethics", "reden", "Vervanging"))
                .contains("Deze persoon hoort niet bij de groep waarop de taak wacht");
        String yesterday = LocalDate.now().minusDays(2).toString();
        assertThat(submit(admin, "/termijn", "taak", gate.getId(), "termijn", yesterday, "reden", "Uitstel"))
                .contains("De nieuwe termijn ligt in het verleden.");
        // A day that does not exist is refused, not rolled over into March.
        assertThat(submit(admin, "/termijn", "taak", gate.getId(), "termijn", "31-02-2099", "reden", "Uitstel"))
                .contains("Typ een bestaande datum als dd-mm-jjjj");
        assertThat(submit(admin, "/buiten-gebruik", "systeem", systemId, "reden", "Weg"))
                .contains("alleen in de fase Evalueren");
        assertThat(submit(admin, "/opnieuw", "job", "no-such-job", "reden", "Nogmaals"))
                .contains("Deze stap bestaat niet (meer).");
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
        assertThat(audited(systemId, AuditAction.TASK_REASSIGNED)).isEmpty();

        // Without the CSRF token the form is refused altogether.
        HttpResponse<String> forged = admin.postForm(
                PAGE + "/toewijzen", Http.form("taak", gate.getId(), "behandelaar", "fg", "reden", "Zonder token"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isNull();
    }

    @Test
    void theAdministratorReassignsAndCancelsFromThePage() {
        String systemId = systemAt("Pagina acties", "privacy-officer-advice");
        Task gate = taskAt(systemId, "privacy-officer-advice");
        Http admin = login("admin");

        assertThat(submit(admin, "/toewijzen", "taak", gate.getId(), "behandelaar", "fg", "reden", "Vervanging"))
                .contains("De taak is anders toegewezen.");
        assertThat(taskAt(systemId, "privacy-officer-advice").getAssignee()).isEqualTo("fg");
        assertThat(auditedOnce(systemId, AuditAction.TASK_REASSIGNED, "admin")
                        .path("reason")
                        .asText())
                .isEqualTo("Vervanging");

        assertThat(submit(admin, "/annuleren", "systeem", systemId, "reden", "Per ongeluk gestart"))
                .contains("De cyclus is geannuleerd");
        assertThat(systems.get(systemId).phase().name()).isEqualTo("REGISTERED");
        assertThat(auditedOnce(systemId, AuditAction.CYCLE_CANCELLED, "admin")
                        .path("reason")
                        .asText())
                .isEqualTo("Per ongeluk gestart");
        assertThat(submit(admin, "/annuleren", "systeem", systemId, "reden", "Nog eens"))
                .contains("Voor dit systeem loopt geen cyclus.");
    }
}
