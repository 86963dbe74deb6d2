package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.waarborg.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The Annex VIII section C rules of the EU-database registration; no database. */
class EuRegistrationTest {

    static EuRegistration complete(String dpiaSummary) {
        return new EuRegistration(
                "Gemeente Noorderhaaks",
                "Raadhuisplein 1",
                "algoritmes@noorderhaaks.nl",
                "L. Eider",
                "Raadhuisplein 1",
                "l.eider@noorderhaaks.nl",
                "https://eu-database.example/provider/1",
                "Bevindingen van de FRIA.",
                dpiaSummary,
                null);
    }

    @Test
    void everyItemOfAnnexViiiSectionCIsRequiredAndTheDpiaSummaryOnlyWhenADpiaWasMade() {
        assertThat(complete(null).faults(false)).isEmpty();
        assertThat(complete(null).faults(true))
                .extracting(EuRegistration.Fault::field)
                .containsExactly("dpia_summary");
        assertThat(complete("Samenvatting van de DPIA.").faults(true)).isEmpty();
        EuRegistration empty = new EuRegistration(null, null, null, null, null, null, null, null, null, null);
        assertThat(empty.faults(false))
                .extracting(EuRegistration.Fault::field)
                .containsExactly(
                        "deployer_name",
                        "deployer_address",
                        "deployer_contact",
                        "submitter_name",
                        "submitter_address",
                        "submitter_contact",
                        "provider_entry_url",
                        "fria_summary");
    }

    @Test
    void limitsLinksAndTheReferenceNumber() {
        EuRegistration http =
                new EuRegistration("G", "A", "C", "S", "A", "C", "http://eu-database.example/1", "F", null, null);
        assertThat(http.faults(false)).extracting(EuRegistration.Fault::field).containsExactly("provider_entry_url");
        EuRegistration longName = new EuRegistration(
                "x".repeat(501), "A", "C", "S", "A", "C", "https://e.example/1", "x".repeat(4000), null, null);
        assertThat(longName.faults(false))
                .extracting(EuRegistration.Fault::field)
                .containsExactly("deployer_name");
        assertThatThrownBy(() -> EuRegistration.checkReference(" "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("reference_number");
        assertThatThrownBy(() -> EuRegistration.checkReference("EU-1\nEU-2")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> EuRegistration.checkReference("x".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
        EuRegistration.checkReference("EU-DB-2026-0042");
    }
}
