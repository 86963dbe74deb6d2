package nl.waarborg.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;

/**
 * Small in-memory engines for proving a fork of engine behaviour against the engine as Camunda ships it: one with
 * the fork's plugin, one without, each with a probe process of three user tasks.
 */
final class EngineForkComparison {

    private EngineForkComparison() {}

    static ProcessEngine engine(String name, ProcessEnginePlugin... forks) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        configuration.setJobExecutorActivate(false);
        List<ProcessEnginePlugin> plugins = new ArrayList<>();
        plugins.add(new SpinProcessEnginePlugin());
        plugins.addAll(List.of(forks));
        ((ProcessEngineConfigurationImpl) configuration).setProcessEnginePlugins(plugins);
        ProcessEngine engine = configuration.buildProcessEngine();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(
                        "probe.bpmn",
                        Bpmn.createExecutableProcess("probe")
                                .camundaHistoryTimeToLive(30)
                                .startEvent()
                                .userTask("first")
                                .userTask("second")
                                .userTask("third")
                                .endEvent()
                                .done())
                .deploy();
        return engine;
    }
}
