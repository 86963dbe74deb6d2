package nl.waarborg.system;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarborg.shared.TextInput;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of algorithms and AI systems: the public service of the system module. */
@Service
public class SystemRegistry {

    private final JdbcClient jdbc;
    private final ObjectProvider<PhaseEntryCheck> entryChecks;
    private final ApplicationEventPublisher events;

    public SystemRegistry(
            JdbcClient jdbc, ObjectProvider<PhaseEntryCheck> entryChecks, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.entryChecks = entryChecks;
        this.events = events;
    }

    @Transactional
    public SystemRecord register(String name, String description, String department, String owner) {
        TextInput.checkSingleLine("name", name);
        TextInput.checkSingleLine("department", department);
        TextInput.checkNoWebAddress("name", name);
        TextInput.checkNoWebAddress("department", department);
        String id = UUID.randomUUID().toString();
        Instant now = now();
        jdbc.sql("""
                INSERT INTO wb_system (id, name, description, department, owner, phase, status, created_at, updated_at)
                VALUES (:id, :name, :description, :department, :owner, :phase, :status, :now, :now)""")
                .param("id", id)
                .param("name", name)
                .param("description", description)
                .param("department", department)
                .param("owner", owner)
                .param("phase", SystemRecord.Phase.REGISTERED.name())
                .param("status", SystemRecord.Status.NEW.name())
                .param("now", Timestamp.from(now))
                .update();
        return get(id);
    }

    public Optional<SystemRecord> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM wb_system WHERE id = :id")
                .param("id", id)
                .query(SystemRegistry::map)
                .optional();
    }

    /**
     * Takes the system's row lock until the transaction ends, so that changes to one system (starting its cycle,
     * sending it a trigger) are serialised; a system that does not exist takes no lock.
     */
    @Transactional
    public void lock(String id) {
        jdbc.sql("SELECT id FROM wb_system WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(String.class)
                .optional();
    }

    public SystemRecord get(String id) {
        return find(id).orElseThrow(() -> new SystemNotFoundException(id));
    }

    /** A system's name and owner: fixed when it is registered (there is no rename and no change of owner). */
    public record FixedFacts(String name, String owner) {}

    /** The most systems whose fixed facts a node keeps; the memory starts over when it holds more. */
    static final int FIXED_FACTS_KEPT = 50_000;

    private final Map<String, FixedFacts> fixedFacts = new ConcurrentHashMap<>();

    /**
     * The name and owner of a system, read once per node and kept: every task of a system is named after it and every
     * gate decision checks its owner, and neither can change (the columns are written only by {@link #register}). An
     * unknown id is not kept, so a system registered later is found.
     */
    public Optional<FixedFacts> fixedFacts(String id) {
        FixedFacts kept = id == null ? null : fixedFacts.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<FixedFacts> found = find(id).map(system -> new FixedFacts(system.name(), system.owner()));
        found.ifPresent(facts -> {
            if (fixedFacts.size() >= FIXED_FACTS_KEPT) {
                fixedFacts.clear();
            }
            fixedFacts.put(id, facts);
        });
        return found;
    }

    public List<SystemRecord> list() {
        return jdbc.sql("SELECT * FROM wb_system ORDER BY name, id")
                .query(SystemRegistry::map)
                .list();
    }

    /**
     * One page of the register by name (then id, so that pages neither repeat nor skip a system): all systems, or with
     * {@code member} set only those that person owns or co-authors.
     */
    public List<SystemRecord> page(String member, int limit, int offset) {
        return page(SystemFilter.of(member), limit, offset);
    }

    /** How many systems {@link #page} pages through. */
    public long count(String member) {
        return count(SystemFilter.of(member));
    }

    /** One page of the systems that pass the filter, by name then id; one query. */
    public List<SystemRecord> page(SystemFilter filter, int limit, int offset) {
        return visible("SELECT * FROM wb_system", filter, " ORDER BY name, id LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query(SystemRegistry::map)
                .list();
    }

    /** How many systems pass the filter; one query. */
    public long count(SystemFilter filter) {
        return visible("SELECT COUNT(*) FROM wb_system", filter, "")
                .query(Long.class)
                .single();
    }

    private JdbcClient.StatementSpec visible(String select, SystemFilter filter, String tail) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.member() != null) {
            where.append(" AND (owner = :member OR id IN"
                    + " (SELECT system_id FROM wb_system_co_author WHERE user_id = :member))");
            params.put("member", filter.member());
        }
        if (SystemFilter.given(filter.search())) {
            where.append(" AND (LOWER(name) LIKE :search OR LOWER(department) LIKE :search)");
            params.put("search", "%" + likeEscaped(filter.search().trim().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        equalTo(where, params, "department", filter.department());
        equalTo(where, params, "phase", filter.phase());
        equalTo(where, params, "status", filter.status());
        equalTo(where, params, "publication_category", filter.category());
        if (SystemFilter.given(filter.waitingOn())) {
            // The wait table (ADR 0009) holds every open gate and wait with the group it waits on.
            where.append(" AND id IN (SELECT system_id FROM wb_open_wait WHERE candidate_group = :waitingOn)");
            params.put("waitingOn", filter.waitingOn());
        }
        JdbcClient.StatementSpec spec = jdbc.sql(select + where + tail);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            spec = spec.param(p.getKey(), p.getValue());
        }
        return spec;
    }

    private static void equalTo(StringBuilder where, Map<String, Object> params, String column, String value) {
        if (SystemFilter.given(value)) {
            where.append(" AND ").append(column).append(" = :").append(column);
            params.put(column, value);
        }
    }

    /** LIKE without wildcards of the user's own: % and _ are taken literally. */
    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** The systems with these ids, by id, in one query; ids of no system are left out. */
    public Map<String, SystemRecord> findAll(Collection<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        wanted.remove(null);
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, SystemRecord> result = new HashMap<>();
        jdbc.sql("SELECT * FROM wb_system WHERE id IN (:ids)")
                .param("ids", wanted)
                .query(SystemRegistry::map)
                .list()
                .forEach(s -> result.put(s.id(), s));
        return result;
    }

    /** The departments that have a system, sorted: for filters and choices, without reading every system. */
    public List<String> departments() {
        return jdbc.sql("SELECT DISTINCT department FROM wb_system ORDER BY department")
                .query(String.class)
                .list();
    }

    /**
     * Moves the system into a phase. Entering Implement, Evaluate or "in use" first asks every {@link PhaseEntryCheck}
     * (ADR 0014), on whichever path the move comes; a refusal throws and the caller's transaction rolls back.
     */
    @Transactional
    public void moveTo(String id, SystemRecord.Phase phase, SystemRecord.Status status, String reason) {
        if (goesLive(phase, status)) {
            SystemRecord system = get(id);
            entryChecks.orderedStream().forEach(check -> check.requireEntry(system, phase));
        }
        int updated = jdbc.sql("""
                UPDATE wb_system SET phase = :phase, status = :status, status_reason = :reason, updated_at = :now,
                       row_version = row_version + 1 WHERE id = :id""")
                .param("phase", phase.name())
                .param("status", status.name())
                .param("reason", reason)
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new SystemNotFoundException(id);
        }
        events.publishEvent(new SystemPhaseChanged(id, phase, now()));
    }

    private static boolean goesLive(SystemRecord.Phase phase, SystemRecord.Status status) {
        return phase == SystemRecord.Phase.IMPLEMENT
                || phase == SystemRecord.Phase.EVALUATE
                || status == SystemRecord.Status.IN_IMPLEMENTATION
                || status == SystemRecord.Status.IN_USE;
    }

    @Transactional
    public void setPublicationCategory(String id, String category) {
        jdbc.sql(
                        "UPDATE wb_system SET publication_category = :category, updated_at = :now, row_version = row_version + 1 WHERE id = :id")
                .param("category", category)
                .param("now", Timestamp.from(now()))
                .param("id", id)
                .update();
    }

    private static Instant now() {
        // Microseconds: the precision both H2 and PostgreSQL keep, so a value read back equals the one written.
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static SystemRecord map(ResultSet rs, int row) throws SQLException {
        return new SystemRecord(
                rs.getString("id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getString("department"),
                rs.getString("owner"),
                rs.getString("publication_category"),
                SystemRecord.Phase.valueOf(rs.getString("phase")),
                SystemRecord.Status.valueOf(rs.getString("status")),
                rs.getString("status_reason"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
