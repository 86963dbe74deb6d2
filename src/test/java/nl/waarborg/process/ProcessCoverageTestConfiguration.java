package nl.waarborg.process;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Run;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.engine.platform7.ExecutionContextModelProvider;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessEngineAdapter;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Process test coverage, picked up by component scanning but active only where waarborg.test.process-coverage is set.
 * Only {@link AssessmentProcessPathsTest} is measured; it must cover 100% of flow nodes and sequence flows of all models.
 * Report: target/process-test-coverage/. Only in the context of AssessmentProcessPathsTest (which sets
 * waarborg.test.process-coverage): in any other context the engine would run processes with no coverage state to
 * report to and fail ("Coverage state must be initialized").
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "waarborg.test.process-coverage", havingValue = "true")
public class ProcessCoverageTestConfiguration {

    private static final String NOT_MEASURED = "not-measured";

    @Bean
    static ProcessEnginePlugin processCoverageEnginePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
            }

            /**
             * Until the measured class installs its own collector, processes started by other test classes (run alone or
             * before it) are collected into a throwaway suite instead of failing with "Coverage state must be initialized".
             */
            @Override
            public void postProcessEngineBuild(ProcessEngine engine) {
                DefaultCollector collector = new DefaultCollector(new ExecutionContextModelProvider());
                collector.createSuite(new Suite(NOT_MEASURED, NOT_MEASURED));
                collector.activateSuite(NOT_MEASURED);
                collector.createRun(new Run(NOT_MEASURED, NOT_MEASURED), NOT_MEASURED);
                collector.activateRun(NOT_MEASURED);
                new ProcessEngineAdapter(engine, collector).initializeListeners();
            }
        };
    }

    @Bean
    ProcessEngineCoverageProperties processEngineCoverageProperties() {
        return ProcessEngineCoverageProperties.builder()
                .addInclusionPatternForTestClasses(AssessmentProcessPathsTest.class.getName())
                .assertClassCoverageAtLeast(1.0)
                .build();
    }
}
