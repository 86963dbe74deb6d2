package nl.waarborg.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Map;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The EU-database registration of a deployed high-risk AI system (AI Act Art. 49(3), Annex VIII section C). */
@RestController
public class EuRegistrationController {

    private final EuRegistrations registrations;
    private final SystemRegistry systems;
    private final SystemReads readable;

    public EuRegistrationController(EuRegistrations registrations, SystemRegistry systems, SystemReads readable) {
        this.registrations = registrations;
        this.systems = systems;
        this.readable = readable;
    }

    @Operation(
            summary = "The EU-database registration data (Annex VIII section C) of a deployed high-risk AI system",
            description = "Stored data, or the proposal from the system record and the approved IAMA (FRIA) and"
                    + " DPIA; JSON to export. 409 when the system is not registered by the municipality as deployer.")
    @GetMapping("/api/systems/{id}/eu-registration")
    public EuRegistration get(@PathVariable String id) {
        readable.require(id);
        return registrations.current(id);
    }

    @Operation(
            summary = "The stored versions of the EU-database registration, oldest first",
            description = "Each change of the data and each recorded reference number is a new version; a version"
                    + " never changes (what was exported, which reference was recorded). 409 as above.")
    @GetMapping("/api/systems/{id}/eu-registration/versions")
    public List<EuRegistrations.Version> versions(@PathVariable String id) {
        readable.require(id);
        return registrations.versions(id);
    }

    @Operation(
            summary = "The owner prepares the EU-database registration data",
            description =
                    "Checked against Annex VIII section C: deployer and submitter with address and contact,"
                            + " https link to the provider's entry, FRIA summary, DPIA summary when a DPIA was approved;"
                            + " 400 names the field. The reference number is ignored here. A change is stored as a new version.")
    @PutMapping("/api/systems/{id}/eu-registration")
    public EuRegistration prepare(@PathVariable String id, @RequestBody EuRegistration data) {
        SystemAccess.requireChange(systems.get(id));
        return registrations.prepare(id, data, CurrentUser.id());
    }

    @Operation(
            summary = "The owner records the EU database's reference number, or the confirmation of an update",
            description = "Body {\"reference_number\": \"...\"} (one line, at most 200 characters; 400 otherwise)."
                    + " Completes the open go-live check go-live-eu-database of the cycle with it. After go-live (a"
                    + " reference was recorded, no such check open) it records the reference or confirmation of the"
                    + " update for the data changed since, as a new version; the go-live check is not run again."
                    + " 409 when the data are not prepared, nothing changed since the last recorded reference, or"
                    + " the system was never registered and no such check is open. Optional \"version\": the version"
                    + " of the data that was sent; 409 when the data changed after it.")
    @PostMapping("/api/systems/{id}/eu-registration/reference")
    public EuRegistration reference(@PathVariable String id, @RequestBody Map<String, Object> body) {
        SystemAccess.requireChange(systems.get(id));
        Object reference = body.get("reference_number");
        Object version = body.get("version");
        if (version != null && !(version instanceof Integer)) {
            throw new InvalidInputException("version", "version is the number of the data's version that was sent.");
        }
        return registrations.recordReference(
                id, reference instanceof String s ? s : null, CurrentUser.id(), (Integer) version);
    }
}
