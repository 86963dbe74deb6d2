package nl.waarborg.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Counts the SQL statements one HTTP request executes, for tests that prove a list reads in a fixed number of queries.
 * A request with header {@value #HEADER} (any id) has every statement executed on its thread counted, whoever runs
 * it (Waarborg's JdbcClient, the engine's MyBatis, the login); {@link #statementsOf} answers the count. Other requests
 * and threads (the job executor) are not counted and pay one ThreadLocal read per connection. Registered for every
 * test context (META-INF/spring/...AutoConfiguration.imports under src/test), so the shared contexts stay shared.
 */
@AutoConfiguration
public class StatementCounting {

    public static final String HEADER = "X-Test-Count-Statements";

    private static final ThreadLocal<AtomicInteger> CURRENT = new ThreadLocal<>();
    private static final Map<String, AtomicInteger> COUNTS = new ConcurrentHashMap<>();

    /** A fresh id for {@link #HEADER}. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** How many statements the request with this id executed; its statements ran before its answer was written. */
    public static int statementsOf(String id) {
        AtomicInteger count = COUNTS.get(id);
        if (count == null) {
            throw new AssertionError("No request with " + HEADER + ": " + id + " was counted");
        }
        return count.get();
    }

    @Bean
    static BeanPostProcessor statementCountingDataSources() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!(bean instanceof DataSource)) {
                    return bean;
                }
                // A subclass proxy, so that the bean keeps its type (HikariDataSource) for whoever asks for it.
                ProxyFactory factory = new ProxyFactory(bean);
                factory.setProxyTargetClass(true);
                factory.addAdvice((MethodInterceptor) invocation -> {
                    Object result = invocation.proceed();
                    AtomicInteger count = CURRENT.get();
                    if (count != null && result instanceof Connection connection) {
                        return counting(connection, count);
                    }
                    return result;
                });
                return factory.getProxy();
            }
        };
    }

    @Bean
    FilterRegistrationBean<Filter> statementCountingFilter() {
        Filter filter = (request, response, chain) -> {
            String id = ((HttpServletRequest) request).getHeader(HEADER);
            if (id == null) {
                chain.doFilter(request, response);
                return;
            }
            AtomicInteger count = new AtomicInteger();
            COUNTS.put(id, count); // before the answer, so the test finds it as soon as it has the answer
            CURRENT.set(count);
            try {
                chain.doFilter(request, response);
            } finally {
                CURRENT.remove();
            }
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static Connection counting(Connection connection, AtomicInteger count) {
        return (Connection) Proxy.newProxyInstance(
                StatementCounting.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement
                            && method.getName().matches("prepare.*|create.*")) {
                        return countingStatement(statement, count);
                    }
                    return result;
                });
    }

    private static Statement countingStatement(Statement statement, AtomicInteger count) {
        Class<?> type = statement instanceof CallableStatement
                ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return (Statement) Proxy.newProxyInstance(
                StatementCounting.class.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
                    if (method.getName().startsWith("execute")) {
                        count.incrementAndGet();
                    }
                    return invoke(statement, method, args);
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
