package nl.waarborg.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
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

    @Bean
    static ProcessEnginePlugin processCoverageEnginePlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
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
