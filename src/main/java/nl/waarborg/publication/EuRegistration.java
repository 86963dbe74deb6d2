package nl.waarborg.publication;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.ArrayList;
import java.util.List;
import nl.waarborg.shared.InvalidInputException;

/**
 * What a deployer of high-risk AI registers in the EU database (AI Act Art. 49(3) with Annex VIII section C): (1) the
 * deployer's name, address and contact details, (2) those of the person who submits on its behalf, (3) the URL of the
 * provider's entry of the system, (4) a summary of the findings of the FRIA (Art. 27) and (5) a summary of the DPIA
 * (AVG art. 35), where one was made; with the reference number the EU database gave back.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record EuRegistration(
        String deployerName,
        String deployerAddress,
        String deployerContact,
        String submitterName,
        String submitterAddress,
        String submitterContact,
        String providerEntryUrl,
        String friaSummary,
        String dpiaSummary,
        String referenceNumber) {

    static final int SHORT = 500;
    static final int SUMMARY = 4000;
    static final int REFERENCE = 200;

    /** One field at fault. */
    public record Fault(String field, String detail) {}

    /**
     * The faults of the data before they are registered, in the Annex's order; {@code dpiaMade}: a DPIA was approved,
     * so its summary is required (Annex VIII C(5) "where applicable").
     */
    public List<Fault> faults(boolean dpiaMade) {
        List<Fault> faults = new ArrayList<>();
        text(faults, "deployer_name", deployerName, SHORT, true);
        text(faults, "deployer_address", deployerAddress, SHORT, true);
        text(faults, "deployer_contact", deployerContact, SHORT, true);
        text(faults, "submitter_name", submitterName, SHORT, true);
        text(faults, "submitter_address", submitterAddress, SHORT, true);
        text(faults, "submitter_contact", submitterContact, SHORT, true);
        if (text(faults, "provider_entry_url", providerEntryUrl, SHORT, true)
                && !providerEntryUrl.strip().startsWith("https://")) {
            faults.add(new Fault(
                    "provider_entry_url", "Field 'provider_entry_url' must be a link starting with https://."));
        }
        text(faults, "fria_summary", friaSummary, SUMMARY, true);
        text(faults, "dpia_summary", dpiaSummary, SUMMARY, dpiaMade);
        text(faults, "reference_number", referenceNumber, REFERENCE, false);
        return faults;
    }

    /** Refuses the data with a 400 naming the first field at fault. */
    public void check(boolean dpiaMade) {
        List<Fault> faults = faults(dpiaMade);
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults.get(0).field(), faults.get(0).detail());
        }
    }

    /** The reference number the EU database gave: required, short, one line. */
    static void checkReference(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new InvalidInputException("reference_number", "Field 'reference_number' is required.");
        }
        if (reference.length() > REFERENCE || reference.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(
                    "reference_number",
                    "Field 'reference_number' holds one line of at most " + REFERENCE + " characters.");
        }
    }

    EuRegistration withReference(String reference) {
        return new EuRegistration(
                deployerName,
                deployerAddress,
                deployerContact,
                submitterName,
                submitterAddress,
                submitterContact,
                providerEntryUrl,
                friaSummary,
                dpiaSummary,
                reference);
    }

    private static boolean text(List<Fault> faults, String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                faults.add(new Fault(field, "Field '" + field + "' is required (AI Act Annex VIII section C)."));
            }
            return false;
        }
        if (value.codePointCount(0, value.length()) > max) {
            faults.add(new Fault(field, "Field '" + field + "' holds at most " + max + " characters."));
            return false;
        }
        return true;
    }
}
