package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import nl.waarborg.support.DemoUsers;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemFilter;
import nl.waarborg.system.SystemRegistry;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18, point 14: the systems overview for every role that reads all systems (privacy officer, ethics committee,
 * alderman, manager, admin), with search and filters, and each system's page readable for them; a project lead still
 * sees only the systems of their own team, on the pages and on /api.
 */
@WaarborgIntegrationTest
class SystemsOverviewHttpTest {

    static final List<String> READERS = List.of("fg", "ethics", "alderman", "manager", "admin");

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    IdentityService identity;

    String tag;
    String ownId;
    String otherId;

    @BeforeEach
    void twoTeams() {
        if (identity.createUserQuery().userId("lead2").count() == 0) {
            User user = identity.newUser("lead2");
            DemoUsers.saveWithDemoPassword(identity, user);
            identity.createMembership("lead2", "project-lead");
        }
        tag = UUID.randomUUID().toString().substring(0, 8);
        ownId = systems.register("Eigen " + tag, null, "Burgerzaken " + tag, "lead")
                .id();
        otherId = systems.register("Ander " + tag, null, "Belastingen " + tag, "lead2")
                .id();
    }

    private Http login(String user) {
        Http http = Http.browser(port);
        assertThat(http.formLogin(user, "demo").statusCode()).isEqualTo(302);
        return http;
    }

    @Test
    void everyReaderFindsEverySystemWithSearchAndFilters() {
        for (String reader : READERS) {
            Http http = login(reader);
            HttpResponse<String> all = http.get("/systemen?zoek=" + tag);
            assertThat(all.statusCode()).as(reader).isEqualTo(200);
            assertThat(all.body()).as(reader).contains("Eigen " + tag).contains("Ander " + tag);
            assertThat(http.get("/systemen/" + ownId).statusCode()).as(reader).isEqualTo(200);
            assertThat(http.get("/systemen/" + otherId).statusCode()).as(reader).isEqualTo(200);
        }
        Http fg = login("fg");
        assertThat(fg.get("/systemen").body()).contains("<h1>Systemen</h1>").contains("name=\"wachtOp\"");
        String department = fg.get("/systemen?afdeling=Belastingen+" + tag).body();
        assertThat(department).contains("Ander " + tag).doesNotContain("Eigen " + tag);
        assertThat(fg.get("/systemen?zoek=" + tag + "&fase=REGISTERED&status=NEW")
                        .body())
                .contains("Eigen " + tag)
                .contains("Ander " + tag);
        assertThat(fg.get("/systemen?zoek=" + tag + "&fase=EVALUATE").body())
                .doesNotContain("Eigen " + tag)
                .doesNotContain("Ander " + tag);
        assertThat(fg.get("/systemen?zoek=" + tag + "&categorie=A").body()).doesNotContain("Eigen " + tag);
        assertThat(fg.get("/systemen?zoek=" + tag + "&wachtOp=alderman").body()).doesNotContain("Eigen " + tag);
        // A search is text, not a pattern: % matches only a literal %.
        assertThat(fg.get("/systemen?zoek=%25" + tag).body()).doesNotContain("Eigen " + tag);
    }

    @Test
    void aProjectLeadStillReadsOnlyTheSystemsOfTheirTeam() {
        Http lead = login("lead");
        String list = lead.get("/systemen?zoek=" + tag).body();
        assertThat(list)
                .contains("<h1>Mijn systemen</h1>")
                .contains("Eigen " + tag)
                .doesNotContain("Ander " + tag);
        assertThat(lead.get("/systemen/" + ownId).statusCode()).isEqualTo(200);
        HttpResponse<String> other = lead.get("/systemen/" + otherId);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).doesNotContain("Ander " + tag);

        Http api = Http.api(port).as("lead", "demo");
        HttpResponse<String> refused = api.get("/api/systems/" + otherId);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).doesNotContain("Ander " + tag);
        // The list on /api: the team's systems for a project lead, all for a reader of every system.
        assertThat(total(api)).isEqualTo(systems.count(SystemFilter.of("lead")));
        assertThat(total(Http.api(port).as("fg", "demo"))).isEqualTo(systems.count(SystemFilter.of(null)));
        assertThat(systems.count(SystemFilter.of("lead"))).isLessThan(systems.count(SystemFilter.of(null)));
    }

    private static long total(Http api) {
        HttpResponse<String> list = api.get("/api/systems?limit=1");
        assertThat(list.statusCode()).isEqualTo(200);
        return Long.parseLong(list.headers().firstValue("X-Total-Count").orElseThrow());
    }
}
