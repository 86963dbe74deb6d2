package nl.waarborg.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.waarborg.WaarborgApplication;
import nl.waarborg.support.Http;
import nl.waarborg.support.TestDatabaseInitializer;

/**
 * Waarborg in a JVM of its own (the built classes, as `java -cp … WaarborgApplication` would run them), so that a
 * test can kill it with kill -9 ({@link Process#destroyForcibly()}) as a crash or an operator would. Its output goes
 * to a log file under target/reliability.
 */
final class ForkedWaarborg implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ForkedWaarborg(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts a node in the working directory with the given settings (command-line arguments, which outrank every
     * application.yaml) and waits until it answers on its port.
     */
    static ForkedWaarborg start(String name, Path workingDirectory, Map<String, Object> settings) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-XX:TieredStopAtLevel=1",
                "-Duser.timezone=UTC",
                "-cp",
                System.getProperty("java.class.path"),
                WaarborgApplication.class.getName(),
                "--server.port=" + port,
                "--camunda.bpm.webapp.enabled=false",
                "--" + TestDatabaseInitializer.KEEP_DATASOURCE + "=true",
                "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
                "--logging.level.org.camunda.bpm.engine.context=OFF"));
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        try {
            Path logs = Files.createDirectories(Path.of("target", "reliability"));
            Path log = logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
            Process process = new ProcessBuilder(command)
                    .directory(workingDirectory.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ForkedWaarborg node = new ForkedWaarborg(process, port, log);
            node.awaitUp(Duration.ofSeconds(150));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return port;
    }

    Http api(String user) {
        return Http.api(port).as(user, "demo");
    }

    /** kill -9: no shutdown hook, no closing of the database, nothing flushed. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The forked node did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A normal stop (SIGTERM: Spring closes the context and the database). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
    }

    private void awaitUp(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        Http http = Http.api(port);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The forked node stopped during start-up; see " + log.toAbsolutePath());
            }
            try {
                HttpResponse<String> health = http.get("/actuator/health");
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            sleep(500);
        }
        kill();
        throw new IllegalStateException(
                "The forked node did not come up in " + limit + "; see " + log.toAbsolutePath());
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
