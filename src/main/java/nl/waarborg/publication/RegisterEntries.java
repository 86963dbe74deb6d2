package nl.waarborg.publication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.ConflictException;
import nl.waarborg.shared.ForbiddenException;
import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.system.TeamMembers;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register entries of systems of category A or B, kept as versions (ADR 0034): every change is a new DRAFT row,
 * the privacy officer's approval makes it the published (APPROVED) version and the previous one SUPERSEDED; the entry
 * text of a row is never updated. A change of status or dates that follows the system's phase is published at once.
 */
@Service
public class RegisterEntries {

    /** Who records the versions that follow the system's phase on their own. */
    static final String WAARBORG = "waarborg";

    private final JdbcClient jdbc;
    private final SystemRegistry systems;
    private final RegisterPrefill prefill;
    private final TeamMembers team;
    private final ObjectMapper json = CanonicalJson.MAPPER;

    public RegisterEntries(JdbcClient jdbc, SystemRegistry systems, RegisterPrefill prefill, TeamMembers team) {
        this.jdbc = jdbc;
        this.systems = systems;
        this.prefill = prefill;
        this.team = team;
    }

    public enum Status {
        DRAFT,
        APPROVED,
        SUPERSEDED
    }

    /** One stored version of an entry. */
    public record Version(
            String id,
            String systemId,
            int number,
            Status status,
            RegisterEntry entry,
            String editedBy,
            Instant createdAt,
            String approvedBy,
            Instant approvedAt) {}

    /** Whether the system must be published: category A (high-risk AI) or B (impactful algorithm). */
    public static boolean publishable(SystemRecord system) {
        return "A".equals(system.publicationCategory()) || "B".equals(system.publicationCategory());
    }

    /** The latest version of the system's entry, or the pre-filled entry (not stored) when there is none yet. */
    public RegisterEntry current(String systemId) {
        SystemRecord system = requirePublishable(systemId);
        return latest(systemId).map(Version::entry).orElseGet(() -> prefill.from(system));
    }

    public Optional<Version> latest(String systemId) {
        return jdbc.sql("SELECT * FROM wb_register_entry_version WHERE system_id = :s ORDER BY number DESC LIMIT 1")
                .param("s", systemId)
                .query(this::version)
                .optional();
    }

    public Optional<Version> published(String systemId) {
        return jdbc.sql("SELECT * FROM wb_register_entry_version WHERE system_id = :s AND status = 'APPROVED'")
                .param("s", systemId)
                .query(this::version)
                .optional();
    }

    public List<Version> versions(String systemId) {
        return jdbc.sql("SELECT * FROM wb_register_entry_version WHERE system_id = :s ORDER BY number")
                .param("s", systemId)
                .query(this::version)
                .list();
    }

    /** Every published entry of the organisation, by name. */
    public List<Version> allPublished() {
        List<Version> approved = jdbc.sql(
                        "SELECT * FROM wb_register_entry_version WHERE status = 'APPROVED' ORDER BY system_id")
                .query(this::version)
                .list();
        // Only systems of category A or B are published: an entry approved while the system was, stays out of the
        // public register once a later pre-scan makes it category C (probe 68), and is back when it is A or B again.
        Map<String, SystemRecord> bySystem =
                systems.findAll(approved.stream().map(Version::systemId).toList());
        return approved.stream()
                .filter(v -> bySystem.containsKey(v.systemId()) && publishable(bySystem.get(v.systemId())))
                .toList();
    }

    /**
     * Stores a changed entry as a new DRAFT version after checking the standard's rules. The fields that Waarborg
     * keeps itself (status, dates, publication category, language, version, source id) follow the system.
     */
    @Transactional
    public Version edit(String systemId, RegisterEntry edited, String user) {
        SystemRecord system = requirePublishable(systemId);
        systems.lock(systemId);
        RegisterEntry entry = RegisterPrefill.followPhase(
                prefill.keepOwnFields(edited, system, latest(systemId).map(Version::entry)),
                system.phase(),
                Instant.now());
        RegisterRules.check(entry);
        return insert(systemId, entry, Status.DRAFT, user, null);
    }

    /**
     * Why this user may not approve the draft, or empty: four eyes means a reader from outside the team that wrote it,
     * so neither the draft's editor nor anyone in the system's team (its owner and co-authors) approves it.
     */
    public Optional<String> fourEyesRefusal(String systemId, Version draft, String user) {
        if (draft.editedBy().equals(user)) {
            return Optional.of("The editor of a register entry cannot approve it (four eyes).");
        }
        if (team.of(systemId).contains(user)) {
            return Optional.of(user + " is in the team of system " + systemId
                    + " (owner or co-author) and cannot approve its register entry (four eyes).");
        }
        return Optional.empty();
    }

    /**
     * The privacy officer publishes the latest DRAFT, which must be the version they read ({@code seenVersion}): a draft
     * that the owner changed after the page was shown is not published unseen (409). The one who edited it cannot
     * approve it, nor can anyone in the system's team ({@link #fourEyesRefusal}).
     */
    @Transactional
    public Version approve(String systemId, String reviewer, Integer seenVersion) {
        requirePublishable(systemId);
        if (seenVersion == null) {
            throw new InvalidInputException(
                    "version",
                    "Name the draft version you read and approve ({\"version\": n}, the number of GET"
                            + " /api/systems/{id}/register-entry), so that a later change is not published unseen.");
        }
        systems.lock(systemId);
        Version draft = latest(systemId)
                .filter(v -> v.status() == Status.DRAFT)
                .orElseThrow(() -> new ConflictException(
                        "The register entry of system " + systemId + " has no draft version to approve."));
        if (draft.number() != seenVersion) {
            throw new DraftChangedException("Version " + seenVersion + " of the register entry of system " + systemId
                    + " is not the draft to approve: version " + draft.number() + " is. Read it, then approve it.");
        }
        fourEyesRefusal(systemId, draft, reviewer).ifPresent(refusal -> {
            throw new ForbiddenException(refusal);
        });
        RegisterRules.check(draft.entry());
        String phaseStatus = RegisterPrefill.status(systems.get(systemId).phase());
        if (!phaseStatus.equals(draft.entry().status())) {
            throw new ConflictException("The draft of the register entry of system " + systemId + " says '"
                    + draft.entry().status() + "' but the system's phase means '" + phaseStatus
                    + "'; edit the entry again so the draft follows the phase.");
        }
        supersedePublished(systemId);
        jdbc.sql("""
                UPDATE wb_register_entry_version SET status = 'APPROVED', approved_by = :r, approved_at = :now
                WHERE id = :id AND status = 'DRAFT'""")
                .param("r", reviewer)
                .param("now", Timestamp.from(Instant.now()))
                .param("id", draft.id())
                .update();
        return latest(systemId).orElseThrow();
    }

    /**
     * Lets the entry follow the system's phase: "In gebruik" with the begin month at go-live, "Buiten gebruik" with the
     * end month at retirement. The published version gets a new version, published at once (no content changes). A
     * pending draft is carried over (ADR 0034): it is SUPERSEDED by a new draft with the same text and editor and the
     * new phase's status and dates, so it can still be approved and never publishes an old status.
     */
    @Transactional
    public Optional<Version> followPhase(String systemId, Instant when) {
        SystemRecord system = systems.get(systemId);
        if (!publishable(system)) {
            return Optional.empty();
        }
        Optional<Version> draft = latest(systemId).filter(v -> v.status() == Status.DRAFT);
        Optional<Version> followed = published(systemId).flatMap(published -> {
            RegisterEntry entry = RegisterPrefill.followPhase(published.entry(), system.phase(), when);
            if (entry.equals(published.entry())) {
                return Optional.empty();
            }
            RegisterRules.check(entry);
            supersedePublished(systemId);
            return Optional.of(insert(systemId, entry, Status.APPROVED, WAARBORG, WAARBORG));
        });
        draft.ifPresent(pending -> {
            RegisterEntry entry = RegisterPrefill.followPhase(pending.entry(), system.phase(), when);
            if (followed.isPresent() || !entry.equals(pending.entry())) {
                RegisterRules.check(entry);
                jdbc.sql(
                                "UPDATE wb_register_entry_version SET status = 'SUPERSEDED' WHERE id = :id AND status = 'DRAFT'")
                        .param("id", pending.id())
                        .update();
                insert(systemId, entry, Status.DRAFT, pending.editedBy(), null);
            }
        });
        return followed;
    }

    private void supersedePublished(String systemId) {
        jdbc.sql(
                        "UPDATE wb_register_entry_version SET status = 'SUPERSEDED' WHERE system_id = :s AND status = 'APPROVED'")
                .param("s", systemId)
                .update();
    }

    private Version insert(String systemId, RegisterEntry entry, Status status, String user, String approver) {
        int number = latest(systemId).map(Version::number).orElse(0) + 1;
        Timestamp now = Timestamp.from(Instant.now());
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO wb_register_entry_version
                    (id, system_id, number, status, entry, edited_by, created_at, approved_by, approved_at)
                VALUES (:id, :s, :n, :status, :entry, :user, :now, :approver, :approvedAt)""")
                .param("id", id)
                .param("s", systemId)
                .param("n", number)
                .param("status", status.name())
                .param("entry", write(entry))
                .param("user", user)
                .param("now", now)
                .param("approver", approver)
                .param("approvedAt", approver == null ? null : now)
                .update();
        return latest(systemId).orElseThrow();
    }

    private SystemRecord requirePublishable(String systemId) {
        SystemRecord system = systems.get(systemId);
        if (!publishable(system)) {
            throw new ConflictException("System " + systemId + " is not of publication category A or B (it is "
                    + system.publicationCategory() + "); it has no register entry.");
        }
        return system;
    }

    private String write(RegisterEntry entry) {
        try {
            return json.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Version version(ResultSet rs, int row) throws SQLException {
        try {
            Timestamp approvedAt = rs.getTimestamp("approved_at");
            return new Version(
                    rs.getString("id"),
                    rs.getString("system_id"),
                    rs.getInt("number"),
                    Status.valueOf(rs.getString("status")),
                    json.readValue(rs.getString("entry"), RegisterEntry.class),
                    rs.getString("edited_by"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getString("approved_by"),
                    approvedAt == null ? null : approvedAt.toInstant());
        } catch (JsonProcessingException e) {
            throw new SQLException("Register entry " + rs.getString("id") + " cannot be read", e);
        }
    }
}
