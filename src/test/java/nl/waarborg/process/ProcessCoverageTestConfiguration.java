package nl.waarborg.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Process test coverage for the shared test context. A plain @Configuration under nl.waarborg, so component scanning
 * puts it into every test context and the process tests share the one context of @WaarborgIntegrationTest.
 * Only {@link AssessmentProcessPathsTest} is measured; it must cover 100% of flow nodes and sequence flows of all models.
 * Report: target/process-test-coverage/.
 */
@Configuration(proxyBeanMethods = false)
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
