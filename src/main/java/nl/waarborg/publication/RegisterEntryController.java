package nl.waarborg.publication;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarborg.identity.Groups;
import nl.waarborg.publication.RegisterEntries.Version;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRegistry;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A system's Algoritmeregister entry over HTTP: read (standard's shape), edit (owner), approve (privacy officer). */
@RestController
public class RegisterEntryController {

    private final RegisterEntries entries;
    private final SystemRegistry systems;
    private final SystemReads readable;

    public RegisterEntryController(RegisterEntries entries, SystemRegistry systems, SystemReads readable) {
        this.entries = entries;
        this.systems = systems;
        this.readable = readable;
    }

    /** The latest version of the entry (or the pre-filled proposal) in the shape of publication standard 1.0.0. */
    @Operation(
            summary = "A system's Algoritmeregister entry (publication standard 1.0.0)",
            description =
                    "The latest version, or the proposal pre-filled from the system record and the approved IAMA and DPIA; snake_case fields of the standard. 409 for a system of category C.")
    @GetMapping("/api/systems/{id}/register-entry")
    public RegisterEntry get(@PathVariable String id) {
        // The entry being prepared (a draft, or the proposal from the assessments) is the system's own: its readers
        // only
        // (ADR 0048). The published entries are public (/register, /register.json, /api/register-entries).
        readable.require(id);
        return entries.current(id);
    }

    @Operation(
            summary = "Every version of the entry",
            description = "DRAFT, APPROVED (published) or SUPERSEDED, oldest first; a version's text never changes.")
    @GetMapping("/api/systems/{id}/register-entry/versions")
    public List<Version> versions(@PathVariable String id) {
        readable.require(id);
        return entries.versions(id);
    }

    /** The owner stores a changed entry as a new draft version; 400 names the field the standard refuses. */
    @Operation(
            summary = "The owner stores a changed entry as a new draft",
            description =
                    "Checked against the standard (required fields, limits, permitted values, at most 3 themes, https links); 400 names the field. Status, dates, organisation, publication category, lang, standard_version and source_id are Waarborg's.")
    @PutMapping("/api/systems/{id}/register-entry")
    public Version edit(@PathVariable String id, @RequestBody RegisterEntry entry) {
        SystemAccess.requireChange(systems.get(id));
        return entries.edit(id, entry, CurrentUser.id());
    }

    /** The draft version that the privacy officer read and approves. */
    public record Approval(Integer version) {}

    /** The privacy officer approves the latest draft: from then on it is the published entry. */
    @Operation(
            summary = "The privacy officer publishes the latest draft",
            description =
                    "The body names the draft version read ({\"version\": n}; 400 without it). Not by its editor (403); 409 without a draft, when a newer draft exists than the one named, or when the draft's status no longer matches the system's phase.")
    @PostMapping("/api/systems/{id}/register-entry/approval")
    public Version approve(@PathVariable String id, @RequestBody(required = false) Approval approval) {
        CurrentUser.requireAnyOf(Groups.PRIVACY_OFFICER);
        return entries.approve(id, CurrentUser.id(), approval == null ? null : approval.version());
    }

    /** The organisation's published entries, each in its current version, in the standard's shape. */
    @Operation(
            summary = "The organisation's published entries (JSON)",
            description =
                    "Each in its current approved version, in the standard's shape. Add format=csv for the CSV for bulk upload.")
    @GetMapping("/api/register-entries")
    public List<RegisterEntry> published() {
        return entries.allPublished().stream().map(Version::entry).toList();
    }

    /** The same as CSV for bulk upload ({@code ?format=csv}). */
    @Operation(summary = "The organisation's published entries as CSV for bulk upload")
    @GetMapping(value = "/api/register-entries", params = "format=csv")
    public ResponseEntity<String> publishedCsv() {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"algoritmeregister.csv\"")
                .body(RegisterCsv.write(published()));
    }
}
