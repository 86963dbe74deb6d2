package nl.waarborg.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import nl.waarborg.engine.AuthorizationCheckTuning;
import nl.waarborg.engine.DatabaseOwner;
import nl.waarborg.engine.EngineIndexes;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * The yardstick: a plain Camunda engine on its own database (same PostgreSQL server, same history level, same
 * connection pool size, the same two indexes on Camunda's tables), running the same iama.bpmn with Waarborg's
 * listeners removed and the beans it names pointed at no-ops (the rework split, whose conditions read a variable the
 * removed listener sets, is never reached). No Spring, no Waarborg tables, no audit trail;
 * authorization checks off, or on as in Waarborg's engine (Camunda's checks and default task authorizations, as any
 * engine that users reach through Tasklist or REST must run, with Waarborg's tuning of them). Seeded with a portfolio
 * of the same size as Waarborg's (see seed).
 */
final class BareEngine {

    private BareEngine() {}

    static ProcessEngine start(String name, Map<String, Object> datasource, boolean authorization) {
        StandaloneProcessEngineConfiguration configuration = (StandaloneProcessEngineConfiguration)
                ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl((String) datasource.get("spring.datasource.url"));
        configuration.setJdbcUsername((String) datasource.get("spring.datasource.username"));
        configuration.setJdbcPassword((String) datasource.get("spring.datasource.password"));
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setJdbcMaxActiveConnections(12);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(true);
        configuration.setMetricsEnabled(true);
        configuration.setAuthorizationEnabled(authorization);
        // As Waarborg (the Spring Boot starter's default) and as Camunda advises for clusters: UUIDs, not id blocks.
        configuration.setIdGenerator(new StrongUuidGenerator());
        Map<Object, Object> beans = new HashMap<>();
        beans.put("gateSla", new NoOpServiceLevel());
        beans.put("reportGateOverdue", (org.camunda.bpm.engine.delegate.JavaDelegate) execution -> {
            // nothing: the bare engine has no audit trail
        });
        configuration.setBeans(beans);
        ((ProcessEngineConfigurationImpl) configuration)
                .getProcessEnginePlugins()
                .add((ProcessEnginePlugin) new SpinProcessEnginePlugin());
        // The two indexes Camunda's schema lacks (ADR 0011) are schema tuning that any engine of this size needs;
        // without
        // them the seeded bare engine would read all its open tasks on every completion, and the ratio would flatter
        // us.
        ((ProcessEngineConfigurationImpl) configuration)
                .getProcessEnginePlugins()
                .add(new EngineIndexes(new DatabaseOwner("", "", "", "")));
        if (authorization) {
            // With checks on, they run as in Waarborg's engine: Camunda's checks without the group query that grows
            // with
            // the portfolio (fix 4). Until 2026-11-24 (fix 9) this yardstick ran the stock checks, which cost it that
            // query on every command, so the ratio to it flattered Waarborg.
            ((ProcessEngineConfigurationImpl) configuration)
                    .getProcessEnginePlugins()
                    .add(new AuthorizationCheckTuning());
        }
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .name("bare-iama")
                .addString("iama.bpmn", strippedIama())
                .deploy();
        return engine;
    }

    /** The IAMA tasks a seeded instance of the bare engine waits at, in turn. */
    static final String[] SEED_TASKS = {
        "fill-in-iama-part-1",
        "fill-in-iama-part-3",
        "fill-in-iama-part-5",
        "privacy-officer-advice",
        "ethics-committee-advice",
        "alderman-decision"
    };

    /**
     * Gives the bare engine a portfolio of the same size as Waarborg's: n IAMA instances, each waiting at one of
     * SEED_TASKS (a gate with its service-level timer), started there directly. Its task, variable, job,
     * authorization and history tables then hold about as many rows as Waarborg's do after its seed, so that both
     * are measured at the same size.
     */
    static int seed(ProcessEngine engine, int n, int threads, java.time.Duration limit) throws Exception {
        engine.getIdentityService().clearAuthentication();
        return Seeder.inParallel(
                n,
                threads,
                limit,
                "bare-engine instances",
                i -> engine.getRuntimeService()
                        .createProcessInstanceByKey("iama")
                        .businessKey("seed-" + i)
                        .setVariables(Map.of("round", 1))
                        .startBeforeActivity(SEED_TASKS[i % SEED_TASKS.length])
                        .execute());
    }

    /** iama.bpmn without Waarborg's execution and task listeners (the bridge); everything else unchanged. */
    static String strippedIama() {
        try (InputStream in = BareEngine.class.getResourceAsStream("/bpmn/iama.bpmn")) {
            if (in == null) {
                throw new IllegalStateException("bpmn/iama.bpmn is not on the class path");
            }
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String stripped = xml.replaceAll("\\s*<camunda:(execution|task)Listener\\b[^>]*/>", "");
            if (stripped.contains("Listener")) {
                throw new IllegalStateException("iama.bpmn has a listener form the benchmark does not strip");
            }
            return stripped;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stands in for gateSla: the same due date shape. */
    public static final class NoOpServiceLevel {
        public Date dueDate() {
            return new Date(System.currentTimeMillis() + 14L * 24 * 3600 * 1000);
        }
    }
}
