package nl.waarborg.engine;

import java.util.Set;

/**
 * Names of Spring beans that process models may use in expressions ({@code ${contentTaskListener}}). Only these are
 * visible to expressions; the rest of the application context (data sources, JDBC templates, services) is not
 * (ADR 0021). A module whose beans the models call declares them as one bean of this type.
 */
public record ExpressionBeans(Set<String> names) {

    public ExpressionBeans {
        names = Set.copyOf(names);
    }
}
