package nl.waarborg.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.stereotype.Component;

/**
 * While the database is unreachable, a request should wait for the pool's connection timeout once, not once for
 * every connection it asks for (the engine's command, a health indicator, a second statement): after a connection
 * could not be had within the pool's timeout (the database refused or failed, or every connection stayed busy, when
 * shedding load for a moment is right too), further requests for one fail at once for {@link #WINDOW_MILLIS}, and then the next one tries the
 * database again, so Waarborg recovers by itself as soon as it is back. The failure is the pool's own kind
 * (SQLTransientConnectionException), which shared.ProblemStatus answers with 503 and Retry-After.
 */
@Component
class FailFastDataSource implements BeanPostProcessor {

    static final long WINDOW_MILLIS = 1_000;

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && "dataSource".equals(beanName) ? new Guarded(dataSource) : bean;
    }

    static final class Guarded extends DelegatingDataSource {

        private final AtomicLong failedAt = new AtomicLong();

        Guarded(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            try {
                return super.getConnection();
            } catch (SQLTransientConnectionException unavailable) {
                failedAt.set(System.nanoTime());
                throw unavailable;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return super.getConnection(username, password);
        }

        private void check() throws SQLTransientConnectionException {
            long failed = failedAt.get();
            if (failed != 0 && System.nanoTime() - failed < WINDOW_MILLIS * 1_000_000) {
                throw new SQLTransientConnectionException(
                        "The database was unreachable less than " + WINDOW_MILLIS + " ms ago; not waiting again");
            }
        }
    }
}
