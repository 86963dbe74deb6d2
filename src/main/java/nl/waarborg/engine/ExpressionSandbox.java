package nl.waarborg.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Models reach only what they need (ADR 0021): expressions see process variables and the beans named by the
 * {@link ExpressionBeans} of the modules, never reflection, class loading, the database or the engine itself
 * ({@link SandboxedExpressionManager}); scripts (script tasks, script listeners and conditions, DMN scripts) are
 * refused, as no model uses one; and expressions in task queries and filters are off.
 */
@Component
public class ExpressionSandbox extends AbstractProcessEnginePlugin {

    private final ListableBeanFactory beans;
    private final Set<String> names;

    public ExpressionSandbox(ListableBeanFactory beans, List<ExpressionBeans> lists) {
        this.beans = beans;
        Set<String> all = new TreeSet<>();
        lists.forEach(list -> all.addAll(list.names()));
        this.names = Set.copyOf(all);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<String> missing =
                names.stream().filter(name -> !beans.containsBean(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("ExpressionBeans names beans that do not exist: " + missing);
        }
        configuration.setExpressionManager(new SandboxedExpressionManager(beans, names));
        // Not null, so that Camunda's Spring configuration does not hand the whole context to script bindings.
        configuration.setBeans(Map.of());
        configuration.setScriptEngineResolver(new NoScripts());
        configuration.setEnableExpressionsInAdhocQueries(false);
        configuration.setEnableExpressionsInStoredQueries(false);
    }

    /** The names expressions may use, for tests and the log. */
    public Set<String> beanNames() {
        return names;
    }

    /** Every script language is refused, whatever engines the class path offers (JUEL as a script, Groovy, JS). */
    private static final class NoScripts implements ScriptEngineResolver {

        @Override
        public void addScriptEngineFactory(ScriptEngineFactory factory) {
            // nothing is registered: no script runs
        }

        @Override
        public ScriptEngineManager getScriptEngineManager() {
            return new ScriptEngineManager(null);
        }

        @Override
        public ScriptEngine getScriptEngine(String language, boolean resolveFromCache) {
            throw new ProcessEngineException("Scripts are not allowed in Waarborg's models (language '" + language
                    + "'): use a Java delegate named in ExpressionBeans (ADR 0021)");
        }
    }
}
