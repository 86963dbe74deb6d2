package nl.waarborg.engine;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.PropertyNotWritableException;
import org.springframework.beans.factory.BeanFactory;

/**
 * <b>Fork of engine behaviour</b> (docs/engine-forks.md): replaces the Spring expression manager, whose resolver
 * chain offers every bean of the application context to expressions. Here expressions see process variables (and
 * {@code execution}, {@code task}), the beans named in {@link ExpressionBeans}, and plain property and method access,
 * all behind {@link GuardedElResolver}. Unlike the engine's own chain there are no mock or process-application
 * resolvers (neither is used). DMN's JUEL expressions use the same chain.
 */
final class SandboxedExpressionManager extends JuelExpressionManager {

    private final BeanFactory beans;
    private final Set<String> names;

    SandboxedExpressionManager(BeanFactory beans, Set<String> names) {
        this.beans = beans;
        this.names = Set.copyOf(names);
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new GuardedElResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new NamedBeans());
        resolver.add(new ArrayELResolver());
        resolver.add(new ListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new BeanELResolver());
        return resolver;
    }

    /** The listed beans by name, looked up when first used (the engine starts before most of them exist). */
    private final class NamedBeans extends ELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name && names.contains(name)) {
                context.setPropertyResolved(true);
                return beans.getBean(name);
            }
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base == null && property instanceof String name && names.contains(name)) {
                throw new PropertyNotWritableException("Bean '" + name + "' cannot be replaced by an expression");
            }
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }
}
