package nl.waarborg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarborg.support.Http;
import nl.waarborg.support.WaarborgIntegrationTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Expressions reach only what the models need (ADR 0021). Deploying over REST is refused for everyone (ADR 0017),
 * so each evil model is deployed here with the engine's Java API, as someone who could change the build would:
 * even then an expression cannot run code, load classes, call a bean the models do not name or reach the database,
 * and no script runs. Expressions in task queries and filters are off.
 */
@WaarborgIntegrationTest
class ExpressionSandboxTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    private final String key = "evil" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void removeModel() {
        engine.getRepositoryService()
                .createDeploymentQuery()
                .deploymentName(key)
                .list()
                .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    }

    @Test
    void aRuntimeExpressionCannotRunCode() {
        Path proof = directory.resolve("pwned");
        String expression = "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + proof + "')}";

        assertRefused(expression, "getClass");
        assertThat(proof).doesNotExist();
    }

    @Test
    void noPathLeadsToAClassOrItsLoader() {
        assertRefused("${''.class.name}", "class");
        assertRefused("${execution.getClass().getClassLoader()}", "getClass");
        assertRefused("${gateSla.class.classLoader}", "class");
        assertRefused("${S('{}').mapTo('java.lang.Runtime')}", "mapTo");
        assertThatThrownBy(() -> runExpression("${java.lang.Runtime.getRuntime()}"))
                .isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void anExpressionCannotCallABeanTheModelsDoNotName() {
        // Both exist in the application context; the models name neither.
        assertThat(context.getBean("jdbcTemplate")).isNotNull();
        assertThat(context.getBean("dataSource")).isInstanceOf(DataSource.class);
        String table = "evil_" + key.substring(4, 12);

        assertThatThrownBy(() -> runExpression("${jdbcTemplate.execute('CREATE TABLE " + table + " (x INT)')}"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("jdbcTemplate");
        assertThatThrownBy(() -> runExpression(
                        "${dataSource.connection.createStatement().execute('CREATE TABLE " + table + " (x INT)')}"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("dataSource");
        // Nor through the engine behind the execution.
        assertRefused(
                "${execution.processEngine.processEngineConfiguration.dataSource.connection.createStatement()"
                        + ".execute('CREATE TABLE " + table + " (x INT)')}",
                "ProcessEngine");
        assertRefused("${execution.processEngineServices.runtimeService}", "ProcessEngine");
        assertThat(tableExists(table)).isFalse();
    }

    @Test
    void aModelsBeanAndItsVariablesStillWork() {
        deploy(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .serviceTask()
                .camundaExpression("${execution.setVariable('copied', word.concat('!'))}")
                .userTask("wait")
                .endEvent()
                .done());
        String instance = engine.getRuntimeService()
                .startProcessInstanceByKey(key, java.util.Map.of("word", "veilig"))
                .getId();
        assertThat(engine.getRuntimeService().getVariable(instance, "copied")).isEqualTo("veilig!");
        assertThat(context.getBean(ExpressionSandbox.class).beanNames()).contains("gateSla", "contentTaskListener");
    }

    @Test
    void noScriptRuns() {
        Path proof = directory.resolve("script");
        for (String language : new String[] {"juel", "javascript", "groovy"}) {
            deploy(Bpmn.createExecutableProcess(key)
                    .camundaHistoryTimeToLive(3650)
                    .startEvent()
                    .scriptTask()
                    .scriptFormat(language)
                    .scriptText(
                            "${''.getClass().forName('java.lang.Runtime').getRuntime().exec('touch " + proof + "')}")
                    .endEvent()
                    .done());
            assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(key))
                    .as(language)
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("Scripts are not allowed");
        }
        assertThat(proof).doesNotExist();
    }

    @Test
    void queriesAndFiltersTakeNoExpressions() {
        String expression = "${''.getClass().forName('java.lang.Runtime')}";
        HttpResponse<String> adhoc = Http.api(port)
                .as("lead", "demo")
                .get("/engine-rest/task?assigneeExpression=" + URLEncoder.encode(expression, StandardCharsets.UTF_8));
        assertThat(adhoc.statusCode()).as(adhoc.body()).isEqualTo(400);
        assertThat(adhoc.body()).contains("Expressions are forbidden");

        Filter filter = engine.getFilterService()
                .newTaskFilter(key)
                .setQuery(engine.getTaskService().createTaskQuery().taskAssigneeExpression(expression));
        assertThatThrownBy(() -> engine.getFilterService().saveFilter(filter))
                .hasMessageContaining("Expressions are forbidden");
    }

    private void assertRefused(String expression, String named) {
        assertThatThrownBy(() -> runExpression(expression))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Expression refused")
                .hasMessageContaining(named);
    }

    /** Deploys a model whose service task evaluates the expression, and starts it (without a user, as a job would). */
    private void runExpression(String expression) {
        deploy(Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(3650)
                .startEvent()
                .serviceTask()
                .camundaExpression(expression)
                .endEvent()
                .done());
        engine.getRuntimeService().startProcessInstanceByKey(key);
    }

    private void deploy(BpmnModelInstance model) {
        engine.getIdentityService().clearAuthentication();
        engine.getRepositoryService()
                .createDeployment()
                .name(key)
                .addModelInstance(key + ".bpmn", model)
                .deploy();
    }

    private boolean tableExists(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?")
                        .param(table.toLowerCase())
                        .query(Long.class)
                        .single()
                > 0;
    }
}
