package nl.waarborg.engine;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.env.Environment;

/**
 * The resolver chain of every expression, with a check around it: no property or method of the refused kinds is
 * read or called, and no value of a refused type is handed back to an expression. Without {@code getClass()} or a
 * {@code Class} an expression can neither reflect nor load classes; without the engine, the Spring context or a
 * JDBC object it cannot reach the database behind the engine's back.
 */
final class GuardedElResolver extends CompositeELResolver {

    /** Members that lead to classes or class loaders; {@code mapTo} is Spin's mapping to a class named by text. */
    private static final Set<String> REFUSED_MEMBERS =
            Set.of("class", "getClass", "classLoader", "getClassLoader", "forName", "loadClass", "mapTo");

    private static final List<Class<?>> REFUSED_TYPES = List.of(
            Class.class,
            ClassLoader.class,
            Module.class,
            ModuleLayer.class,
            java.lang.reflect.AccessibleObject.class,
            java.lang.reflect.Member.class,
            java.lang.invoke.MethodHandle.class,
            java.lang.invoke.MethodHandles.Lookup.class,
            Runtime.class,
            ProcessBuilder.class,
            Process.class,
            ProcessHandle.class,
            Thread.class,
            ThreadGroup.class,
            java.io.File.class,
            java.nio.file.Path.class,
            java.nio.file.FileSystem.class,
            javax.script.ScriptEngine.class,
            javax.script.ScriptEngineManager.class,
            javax.sql.DataSource.class,
            java.sql.Connection.class,
            java.sql.Statement.class,
            org.springframework.jdbc.core.JdbcOperations.class,
            org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations.class,
            org.springframework.jdbc.core.simple.JdbcClient.class,
            BeanFactory.class,
            Environment.class,
            ProcessEngineServices.class,
            ProcessEngineConfiguration.class,
            CommandContext.class);

    private static final ClassValue<Boolean> REFUSED = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return REFUSED_TYPES.stream().anyMatch(refused -> refused.isAssignableFrom(type));
        }
    };

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        checkAccess(base, property);
        return checkResult(super.getValue(context, base, property), property);
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
        checkAccess(base, method);
        return checkResult(super.invoke(context, base, method, types, params), method);
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        checkAccess(base, property);
        super.setValue(context, base, property, value);
    }

    private static void checkAccess(Object base, Object member) {
        if (base == null) {
            return;
        }
        if (REFUSED.get(base.getClass())) {
            throw refused("uses a " + base.getClass().getName());
        }
        if (member instanceof String name && REFUSED_MEMBERS.contains(name)) {
            throw refused("calls '" + name + "' (reflection and class loading are not available to models)");
        }
    }

    private static Object checkResult(Object value, Object member) {
        if (value != null && REFUSED.get(value.getClass())) {
            throw refused("reaches a " + value.getClass().getName() + " through '" + member + "'");
        }
        return value;
    }

    private static ExpressionRefusedException refused(String what) {
        return new ExpressionRefusedException("Expression refused: it " + what + ". Expressions in process models "
                + "may use process variables and the beans listed in ExpressionBeans only (ADR 0021).");
    }
}
