package nl.waarborg.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.waarborg.support.Http;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * After a node was killed under load: every write the clients saw acknowledged is in the database once, nothing was
 * done twice (a system, a cycle, a task, a gate signature, a frozen version), no version is half-frozen or fails its
 * hash check, and the audit chain verifies on the surviving node. The general checks of {@code bench/Anomalies} run
 * beside these.
 */
final class KillChecker {

    private final JdbcClient jdbc;
    private final ForkedWaarborg survivor;
    private final CycleLoad load;

    KillChecker(JdbcClient jdbc, ForkedWaarborg survivor, CycleLoad load) {
        this.jdbc = jdbc;
        this.survivor = survivor;
        this.load = load;
    }

    void check() {
        // Systems: each acknowledged one is there; no name twice (a registration whose answer was lost is there at
        // most once).
        Map<String, String> names = jdbc
                .sql("SELECT id, name FROM wb_system")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(names).as("acknowledged systems").containsAllEntriesOf(load.systems);
        assertThat(names.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting())))
                .as("systems registered twice")
                .allSatisfy((name, n) -> assertThat(n).as(name).isEqualTo(1L));

        // Cycles: one per system, and one for each acknowledged start.
        Map<String, Long> cyclesPerSystem = countBy("""
                SELECT business_key_ FROM act_hi_procinst
                  WHERE proc_def_key_ = 'assessment-cycle' AND super_process_instance_id_ IS NULL""");
        assertThat(cyclesPerSystem)
                .as("cycles per system")
                .allSatisfy((s, n) -> assertThat(n).as(s).isEqualTo(1L));
        assertThat(cyclesPerSystem.keySet()).as("acknowledged cycle starts").containsAll(load.cycles);

        // Tasks: each acknowledged completion completed; no step of a cycle's round or of an IAMA done twice.
        List<String> completed = jdbc.sql(
                        "SELECT id_ FROM act_hi_taskinst WHERE end_time_ IS NOT NULL AND delete_reason_ = 'completed'")
                .query(String.class)
                .list();
        assertThat(completed).as("acknowledged completions").containsAll(load.completions.keySet());
        assertThat(count("""
                        SELECT COUNT(*) FROM (SELECT proc_inst_id_, task_def_key_ FROM act_hi_taskinst
                          WHERE delete_reason_ = 'completed' GROUP BY proc_inst_id_, task_def_key_ HAVING COUNT(*) > 1) x"""))
                .as("steps completed twice in one instance (no cycle in this test runs a second round)")
                .isZero();

        // Frozen versions: one per acknowledged approval, plus at most the approvals whose answer was lost; each with
        // its hash, which checks out, and an ended IAMA behind it.
        List<Map<String, Object>> frozen = jdbc.sql("""
                        SELECT a.id AS assessment, a.system_id AS system, v.number AS number FROM wb_assessment_version v
                          JOIN wb_assessment a ON a.id = v.assessment_id WHERE v.status = 'APPROVED'""").query().listOfRows();
        List<Object> frozenSystems = frozen.stream().map(r -> r.get("system")).toList();
        assertThat(frozenSystems).as("acknowledged approvals frozen").containsAll(load.approvals);
        assertThat((long) frozen.size())
                .as("frozen versions")
                .isBetween((long) load.approvals.size(), load.approvals.size() + load.unknownApprovals.get());
        assertThat(count("SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'iama' AND state_ = 'COMPLETED'"))
                .as("ended IAMAs")
                .isEqualTo(frozen.size());
        Http manager = survivor.api("manager");
        for (Map<String, Object> version : frozen) {
            String path = "/api/assessments/" + version.get("assessment") + "/versions/" + version.get("number");
            JsonNode read =
                    CycleLoad.read(new CycleLoad.Answer(200, manager.get(path).body()));
            assertThat(read.path("hashIntact").asBoolean())
                    .as("hash of %s", path)
                    .isTrue();
        }

        JsonNode verify = CycleLoad.read(new CycleLoad.Answer(
                200, manager.get("/api/audit/verify", "application/json").body()));
        assertThat(verify.path("valid").asBoolean())
                .as("audit verification: %s", verify)
                .isTrue();
    }

    private Map<String, Long> countBy(String sql) {
        return jdbc.sql(sql).query(String.class).list().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
