package nl.waarborg.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * While the database is unreachable, a request should wait for the pool's connection timeout once, not once for
 * every connection it asks for (the engine's command, a health indicator, a second statement): after a connection
 * could not be had within the pool's timeout (the database refused or failed, or every connection stayed busy, when
 * shedding load for a moment is right too), further requests for one fail at once for {@link #WINDOW_MILLIS}, and
 * then the next one tries the database again, so Waarborg recovers by itself as soon as it is back. The failure is
 * the pool's own kind (SQLTransientConnectionException), which shared.ProblemStatus answers with 503 and Retry-After.
 */
@Component
class FailFastDataSource implements BeanPostProcessor {

    static final long WINDOW_MILLIS = 1_000;

    /**
     * The application's pool becomes a {@link Guarded} pool with the same settings (not yet started), so that
     * everything that looks at it still sees a HikariDataSource (Flyway derives its owner connection from it).
     */
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && !(bean instanceof Guarded) && "dataSource".equals(beanName)) {
            Guarded guarded = new Guarded();
            pool.copyStateTo(guarded);
            return guarded;
        }
        return bean;
    }

    /** A HikariCP pool that does not wait again within the window after it could not give a connection. */
    public static class Guarded extends HikariDataSource {

        private final AtomicLong failedAt = new AtomicLong();

        @Override
        public Connection getConnection() throws SQLException {
            long failed = failedAt.get();
            if (failed != 0 && System.nanoTime() - failed < WINDOW_MILLIS * 1_000_000) {
                throw new SQLTransientConnectionException("No database connection could be had less than "
                        + WINDOW_MILLIS + " ms ago; not waiting again");
            }
            try {
                return super.getConnection();
            } catch (SQLTransientConnectionException unavailable) {
                failedAt.set(System.nanoTime());
                throw unavailable;
            }
        }
    }
}
