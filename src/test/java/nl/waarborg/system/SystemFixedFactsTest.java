package nl.waarborg.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A system's name and owner are read once per node and kept; an unknown system is not kept as unknown. */
@WaarborgIntegrationTest
class SystemFixedFactsTest {

    @Autowired
    SystemRegistry systems;

    @Autowired
    JdbcClient jdbc;

    @Test
    void nameAndOwnerAreReadOnceAndKept() {
        String id = systems.register("Vaste feiten", null, "ICT", "lead").id();
        assertThat(systems.fixedFacts(id)).contains(new SystemRegistry.FixedFacts("Vaste feiten", "lead"));
        // Behind the application's back (no code path renames a system): the kept facts are what was read.
        jdbc.sql("UPDATE wb_system SET name = 'Anders' WHERE id = :id")
                .param("id", id)
                .update();
        assertThat(systems.fixedFacts(id)).contains(new SystemRegistry.FixedFacts("Vaste feiten", "lead"));
        assertThat(systems.get(id).name()).isEqualTo("Anders");
    }

    @Test
    void anUnknownSystemIsNotKeptAsUnknown() {
        String id = UUID.randomUUID().toString();
        assertThat(systems.fixedFacts(id)).isEmpty();
        assertThat(systems.fixedFacts(null)).isEmpty();
        jdbc.sql("""
                INSERT INTO wb_system (id, name, description, department, owner, phase, status, created_at, updated_at)
                SELECT :id, 'Later', description, department, 'lead2', phase, status, created_at, updated_at
                FROM wb_system WHERE id = :other""")
                .param("id", id)
                .param("other", systems.register("Bron", null, "ICT", "lead").id())
                .update();
        assertThat(systems.fixedFacts(id)).contains(new SystemRegistry.FixedFacts("Later", "lead2"));
    }
}
