package nl.waarborg.publication;

import static nl.waarborg.support.Http.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The link lists lawful_basis_grouping and source_data_grouping on the register page (ADR 0034): edited row by row,
 * empty rows left out, and refused by the server's rules (RegisterRules) with a 400 that names the field and the row.
 */
@WaarborgIntegrationTest
class RegisterLinkListsTest {

    @LocalServerPort
    int port;

    @Autowired
    SystemRegistry systems;

    @Autowired
    RegisterEntries entries;

    @Test
    void formRowsBecomeLinksAndEmptyRowsAreLeftOut() {
        LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.put("lawful_basis_grouping.title", List.of("Participatiewet", " ", "Awb"));
        form.put("lawful_basis_grouping.link", List.of("https://wetten.overheid.nl/BWBR0015703", "", ""));
        assertThat(RegisterPages.links(form, "lawful_basis_grouping"))
                .containsExactly(
                        new RegisterEntry.Link("Participatiewet", "https://wetten.overheid.nl/BWBR0015703"),
                        new RegisterEntry.Link("Awb", null));
        assertThat(RegisterPages.links(form, "source_data_grouping")).isEmpty();
    }

    @Test
    void theOwnerEditsTheLinkListsAndTheServerNamesTheRowAtFault() {
        String id = systems.register("Leerlingenvervoer", "Plant ritten.", "Onderwijs", "lead")
                .id();
        systems.setPublicationCategory(id, "B");
        Http page = Http.browser(port);
        assertThat(page.formLogin("lead", "demo").statusCode()).isEqualTo(302);
        String path = "/systemen/" + id + "/algoritmeregister";
        String shown = page.get(path).body();
        assertThat(shown).contains("Links bij de wettelijke basis", "id=\"lawful_basis_grouping-0-link\"");
        String csrf = Http.csrfTokenFrom(shown);
        String[] base = {
            "name", "Leerlingenvervoer",
            "description_short", "Plant ritten.",
            "category", "Onderwijs en wetenschap",
            "contact_email", "algoritmes@noorderhaaks.nl",
            "_csrf", csrf
        };

        HttpResponse<String> refused = page.postForm(
                path,
                form(concat(
                        base,
                        "lawful_basis_grouping.title",
                        "Wet 1",
                        "lawful_basis_grouping.link",
                        "https://wetten.overheid.nl/1",
                        "lawful_basis_grouping.title",
                        "Wet 2",
                        "lawful_basis_grouping.link",
                        "http://wetten.overheid.nl/2")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("href=\"#lawful_basis_grouping-1-link\"", "rij 2", "Links bij de wettelijke basis")
                .contains("value=\"http://wetten.overheid.nl/2\"");
        HttpResponse<String> noTitle = page.postForm(
                path,
                form(concat(base, "source_data_grouping.title", "", "source_data_grouping.link", "https://x.nl")));
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("href=\"#source_data_grouping-0-title\"", "rij 1");
        assertThat(entries.versions(id)).isEmpty();

        HttpResponse<String> saved = page.postForm(
                path,
                form(concat(
                        base,
                        "lawful_basis_grouping.title",
                        "Wet 1",
                        "lawful_basis_grouping.link",
                        "https://wetten.overheid.nl/1",
                        "lawful_basis_grouping.title",
                        "",
                        "lawful_basis_grouping.link",
                        "",
                        "source_data_grouping.title",
                        "Basisregistratie Personen",
                        "source_data_grouping.link",
                        "https://www.rvig.nl/brp")));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        RegisterEntry stored = entries.latest(id).orElseThrow().entry();
        assertThat(stored.lawfulBasisGrouping())
                .containsExactly(new RegisterEntry.Link("Wet 1", "https://wetten.overheid.nl/1"));
        assertThat(stored.sourceDataGrouping())
                .containsExactly(new RegisterEntry.Link("Basisregistratie Personen", "https://www.rvig.nl/brp"));
        // Shown again with one empty row to add the next link.
        assertThat(page.get(path).body())
                .contains("value=\"https://www.rvig.nl/brp\"", "id=\"source_data_grouping-1-link\"")
                .doesNotContain("id=\"source_data_grouping-2-link\"");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
