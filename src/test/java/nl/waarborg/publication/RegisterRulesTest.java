package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import nl.waarborg.publication.RegisterEntry.Link;
import nl.waarborg.publication.RegisterRules.Fault;
import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The field rules of publication standard 1.0.0 (ADR 0034); no database, no engine. */
class RegisterRulesTest {

    /** A complete entry that the standard accepts; each test breaks one field of it. */
    static RegisterEntry valid() {
        return new RegisterEntry(
                "Signaleren van mogelijke fouten bij bijstandsaanvragen",
                "Het algoritme wijst aanvragen aan die een medewerker extra bekijkt.",
                "Gemeente Noorderhaaks",
                List.of("Sociale zekerheid", "Werk"),
                RegisterEntry.IN_USE,
                "2026-01",
                null,
                "algoritmes@noorderhaaks.nl",
                "https://noorderhaaks.nl/bijstand",
                "Impactvolle algoritmes",
                null,
                "<p>Sneller en eerlijker beslissen.</p>",
                "Voordelen en nadelen zijn gewogen.",
                "<ul><li>Een medewerker beslist altijd.</li></ul>",
                "Periodieke controle op onderscheid.",
                "Participatiewet",
                List.of(new Link("Participatiewet", "https://wetten.overheid.nl/BWBR0015703")),
                null,
                List.of(new Link(
                        "Impact Assessment Mensenrechten en Algoritmes (IAMA)", "https://noorderhaaks.nl/iama")),
                null,
                "Gegevens uit de aanvraag.",
                null,
                "Een beslisboom, niet zelflerend.",
                "Intern ontwikkeld",
                null,
                RegisterEntry.LANG,
                RegisterEntry.STANDARD_VERSION,
                "WB-1",
                "bijstand, Participatiewet");
    }

    static String firstFault(RegisterEntry entry) {
        List<Fault> faults = RegisterRules.faults(entry);
        assertThat(faults).isNotEmpty();
        return faults.get(0).field();
    }

    static RegisterEntry with(UnaryOperator<Object[]> change) {
        RegisterEntry v = valid();
        Object[] f = new Object[RegisterEntry.class.getRecordComponents().length];
        var components = RegisterEntry.class.getRecordComponents();
        try {
            for (int i = 0; i < f.length; i++) {
                f[i] = components[i].getAccessor().invoke(v);
            }
            f = change.apply(f);
            Class<?>[] types = new Class<?>[f.length];
            for (int i = 0; i < f.length; i++) {
                types[i] = components[i].getType();
            }
            return RegisterEntry.class.getDeclaredConstructor(types).newInstance(f);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entry with the field of the standard's name set to the value. */
    static RegisterEntry set(String field, Object value) {
        var components = RegisterEntry.class.getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (snake(components[i].getName()).equals(field)) {
                int at = i;
                return with(f -> {
                    f[at] = value;
                    return f;
                });
            }
        }
        throw new IllegalArgumentException(field);
    }

    static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    @Test
    void aCompleteEntryPasses() {
        assertThat(RegisterRules.faults(valid())).isEmpty();
        assertThatCode(() -> RegisterRules.check(valid())).doesNotThrowAnyException();
    }

    @Test
    void theRequiredFieldsMustBeFilled() {
        for (String field : List.of(
                "name",
                "description_short",
                "organization",
                "status",
                "contact_email",
                "publication_category",
                "lang")) {
            assertThat(firstFault(set(field, null))).as(field).isEqualTo(field);
            assertThat(firstFault(set(field, "   "))).as(field).isEqualTo(field);
        }
        // Optional fields may stay empty.
        assertThat(RegisterRules.faults(set("goal", null))).isEmpty();
        assertThat(RegisterRules.faults(set("category", null))).isEmpty();
        assertThat(RegisterRules.faults(set("standard_version", null))).isEmpty();
    }

    @Test
    void eachFieldHoldsAtMostTheStandardsLength() {
        record Limit(String field, int max) {}
        for (Limit limit : List.of(
                new Limit("name", 100),
                new Limit("description_short", 350),
                new Limit("organization", 100),
                new Limit("provider", 200),
                new Limit("source_id", 100),
                new Limit("goal", 2500),
                new Limit("proportionality", 2500),
                new Limit("human_intervention", 2500),
                new Limit("risks", 2500),
                new Limit("lawful_basis", 2500),
                new Limit("impacttoetsen", 2500),
                new Limit("source_data", 2500),
                new Limit("tags", 2500),
                new Limit("methods_and_models", 5000))) {
            assertThat(RegisterRules.faults(set(limit.field(), "a".repeat(limit.max()))))
                    .as(limit.field())
                    .isEmpty();
            assertThat(firstFault(set(limit.field(), "a".repeat(limit.max() + 1))))
                    .as(limit.field())
                    .isEqualTo(limit.field());
        }
        // Characters, not bytes or UTF-16 units: 100 accented letters fit in the name.
        assertThat(RegisterRules.faults(set("name", "é".repeat(100)))).isEmpty();
        assertThat(RegisterRules.faults(set("name", "😀".repeat(100)))).isEmpty();
        for (String field : List.of("website", "url", "publiccode", "process_index_url")) {
            String link = "https://x.nl/" + "a".repeat(500 - 13);
            assertThat(RegisterRules.faults(set(field, link))).as(field).isEmpty();
            assertThat(firstFault(set(field, link + "a"))).as(field).isEqualTo(field);
        }
        assertThat(firstFault(set("contact_email", "a".repeat(490) + "@gemeente.nl")))
                .isEqualTo("contact_email");
    }

    @Test
    void atMostThreeThemesFromTheStandardsList() {
        assertThat(RegisterRules.faults(set("category", List.of("Sociale zekerheid", "Werk", "Wonen"))))
                .isEmpty();
        assertThat(firstFault(set("category", List.of("Sociale zekerheid", "Werk", "Wonen", "Recht"))))
                .isEqualTo("category");
        assertThat(firstFault(set("category", List.of("Bijstand")))).isEqualTo("category");
        assertThat(firstFault(set("category", List.of("werk")))).isEqualTo("category");
        assertThat(firstFault(set("category", List.of("Werk", "Werk")))).isEqualTo("category");
        assertThat(RegisterRules.THEMES).hasSize(16).contains("Overheidsfinanciën");
    }

    @Test
    void statusCategoryLanguageAndVersionTakeOnlyPermittedValues() {
        for (String status : RegisterRules.STATUSES) {
            assertThat(RegisterRules.faults(set("status", status))).as(status).isEmpty();
        }
        assertThat(firstFault(set("status", "Actief"))).isEqualTo("status");
        assertThat(firstFault(set("status", "in gebruik"))).isEqualTo("status");
        for (String category : RegisterRules.PUBLICATION_CATEGORIES) {
            assertThat(RegisterRules.faults(set("publication_category", category)))
                    .isEmpty();
        }
        assertThat(firstFault(set("publication_category", "Categorie B"))).isEqualTo("publication_category");
        assertThat(firstFault(set("lang", "nl"))).isEqualTo("lang");
        assertThat(firstFault(set("standard_version", "0.4.0"))).isEqualTo("standard_version");
    }

    @Test
    void datesAreMonthsAndTheEndDateComesOnlyWithRetirement() {
        for (String wrong : List.of("2026-13", "2026-00", "2026-1", "01-2026", "2026-01-15", "2026/01", "jan 2026")) {
            assertThat(firstFault(set("begin_date", wrong))).as(wrong).isEqualTo("begin_date");
        }
        assertThat(firstFault(set("end_date", "2026-05"))).isEqualTo("end_date");
        RegisterEntry retired = with(f -> {
            f[4] = RegisterEntry.OUT_OF_USE;
            f[6] = "2027-03";
            return f;
        });
        assertThat(RegisterRules.faults(retired)).isEmpty();
        RegisterEntry backwards = with(f -> {
            f[4] = RegisterEntry.OUT_OF_USE;
            f[6] = "2025-12";
            return f;
        });
        assertThat(firstFault(backwards)).isEqualTo("end_date");
        RegisterEntry wrongEnd = with(f -> {
            f[4] = RegisterEntry.OUT_OF_USE;
            f[6] = "2027-3";
            return f;
        });
        assertThat(firstFault(wrongEnd)).isEqualTo("end_date");
    }

    @Test
    void linksStartWithHttpsAndContactIsAnAddressOrASite() {
        for (String field : List.of("website", "url", "publiccode", "process_index_url")) {
            assertThat(firstFault(set(field, "http://x.nl"))).as(field).isEqualTo(field);
            assertThat(firstFault(set(field, "javascript:alert(1)"))).as(field).isEqualTo(field);
            assertThat(firstFault(set(field, "https://"))).as(field).isEqualTo(field);
        }
        assertThat(RegisterRules.faults(set("contact_email", "https://noorderhaaks.nl/contact")))
                .isEmpty();
        assertThat(firstFault(set("contact_email", "bel ons"))).isEqualTo("contact_email");
        assertThat(firstFault(set("contact_email", "a@b"))).isEqualTo("contact_email");
    }

    @Test
    void groupingsNeedATitleAndAnHttpsLink() {
        assertThat(firstFault(set("lawful_basis_grouping", List.of(new Link("Participatiewet", null)))))
                .isEqualTo("lawful_basis_grouping[0].link");
        assertThat(firstFault(set("lawful_basis_grouping", List.of(new Link(" ", "https://wetten.overheid.nl")))))
                .isEqualTo("lawful_basis_grouping[0].title");
        assertThat(firstFault(set("lawful_basis_grouping", List.of(new Link("a".repeat(101), "https://w.nl")))))
                .isEqualTo("lawful_basis_grouping[0].title");
        List<Link> two = new ArrayList<>(List.of(new Link("DPIA", "https://x.nl/dpia")));
        two.add(new Link("IAMA", "ftp://x.nl/iama"));
        assertThat(firstFault(set("impacttoetsen_grouping", two))).isEqualTo("impacttoetsen_grouping[1].link");
        List<Link> withNull = new ArrayList<>();
        withNull.add(null);
        assertThat(firstFault(set("source_data_grouping", withNull))).isEqualTo("source_data_grouping[0]");
    }

    @Test
    void longTextsAllowOnlyTheStandardsTagsAndShortFieldsNone() {
        assertThat(RegisterRules.faults(set("goal", "<div><p>Doel</p><br/><ol><li>één</li></ol></div>")))
                .isEmpty();
        assertThat(RegisterRules.faults(set("goal", "Kinderen < 18 jaar en > 12 jaar")))
                .isEmpty();
        for (String wrong : List.of(
                "<script>alert(1)</script>",
                "<p onclick=\"x()\">Doel</p>",
                "<a href=\"https://x.nl\">link</a>",
                "<img src=x onerror=alert(1)>",
                "<!-- verborgen -->")) {
            assertThat(firstFault(set("risks", wrong))).as(wrong).isEqualTo("risks");
        }
        assertThat(firstFault(set("name", "<p>Naam</p>"))).isEqualTo("name");
        assertThat(firstFault(set("provider", "<b>Leverancier</b>"))).isEqualTo("provider");
    }

    @Test
    void checkRefusesWithTheFieldAtFault() {
        assertThatThrownBy(() -> RegisterRules.check(set("category", List.of("A", "B", "C", "D"))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("category");
                    assertThat(e.getStatusCode().value()).isEqualTo(400);
                    assertThat(e.getBody().getProperties()).containsEntry("field", "category");
                    assertThat(e.getMessage()).contains("at most 3");
                });
    }
}
