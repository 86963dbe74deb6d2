package nl.waarborg.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarborg.support.WaarborgIntegrationTest;
import nl.waarborg.system.SystemRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database guard of wb_register_entry_version (V13_6; H2 trigger and PostgreSQL function): whoever writes SQL
 * directly cannot delete a version, change its text or editor, or move its status other than DRAFT -> APPROVED (with an
 * approver), DRAFT -> SUPERSEDED and APPROVED -> SUPERSEDED.
 */
@WaarborgIntegrationTest
class RegisterEntryGuardTest {

    @Autowired
    SystemRegistry systems;

    @Autowired
    RegisterEntries entries;

    @Autowired
    JdbcClient jdbc;

    private int update(String sql, String id) {
        return jdbc.sql(sql).param("id", id).update();
    }

    @Test
    void directChangesAreRefusedByTheDatabase() {
        String system = systems.register("Parkeerscan", "Scant kentekens.", "Mobiliteit", "lead")
                .id();
        systems.setPublicationCategory(system, "B");
        RegisterEntry entry = RegisterRulesTest.set("source_id", system);
        RegisterEntries.Version stored = entries.edit(system, entry, "lead");
        String draft = stored.id();

        for (String forbidden : List.of(
                "DELETE FROM wb_register_entry_version WHERE id = :id",
                "UPDATE wb_register_entry_version SET entry = '{\"name\":\"Vervalst\"}' WHERE id = :id",
                "UPDATE wb_register_entry_version SET edited_by = 'fg' WHERE id = :id",
                "UPDATE wb_register_entry_version SET number = 7 WHERE id = :id",
                "UPDATE wb_register_entry_version SET status = 'APPROVED' WHERE id = :id")) {
            assertThatThrownBy(() -> update(forbidden, draft)).as(forbidden).isInstanceOf(DataAccessException.class);
        }

        String approved = entries.approve(
                        system, "fg", entries.latest(system).orElseThrow().number())
                .id();
        assertThat(approved).isEqualTo(draft);
        for (String forbidden : List.of(
                "DELETE FROM wb_register_entry_version WHERE id = :id",
                "UPDATE wb_register_entry_version SET status = 'DRAFT', approved_by = NULL, approved_at = NULL"
                        + " WHERE id = :id",
                "UPDATE wb_register_entry_version SET approved_by = 'lead' WHERE id = :id",
                "UPDATE wb_register_entry_version SET entry = entry || ' ' WHERE id = :id")) {
            assertThatThrownBy(() -> update(forbidden, approved)).as(forbidden).isInstanceOf(DataAccessException.class);
        }
        // The one change a published version allows: superseded, its approver kept.
        assertThat(update("UPDATE wb_register_entry_version SET status = 'SUPERSEDED' WHERE id = :id", approved))
                .isEqualTo(1);
        assertThatThrownBy(() ->
                        update("UPDATE wb_register_entry_version SET status = 'APPROVED' WHERE id = :id", approved))
                .isInstanceOf(DataAccessException.class);
        assertThat(entries.versions(system)).singleElement().satisfies(v -> {
            assertThat(v.status()).isEqualTo(RegisterEntries.Status.SUPERSEDED);
            assertThat(v.approvedBy()).isEqualTo("fg");
            assertThat(v.entry()).isEqualTo(stored.entry());
            assertThat(v.editedBy()).isEqualTo("lead");
        });
    }
}
