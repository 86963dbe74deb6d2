package nl.waarborg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time used by this JVM (clients, Waarborg nodes, bare engine) and by the PostgreSQL server processes, so a
 * throughput figure can be read as CPU per cycle: on a machine where both share two cores, throughput follows the
 * sum. PostgreSQL's is read from /proc (Linux only); elsewhere it reports -1.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc/[pid]/stat; 100 on every Linux this runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long jvmNanos;
    private final double postgresSeconds;

    private CpuMeter(long jvmNanos, double postgresSeconds) {
        this.jvmNanos = jvmNanos;
        this.postgresSeconds = postgresSeconds;
    }

    static CpuMeter start() {
        return new CpuMeter(jvmCpuNanos(), postgresCpuSeconds());
    }

    /** JVM seconds, PostgreSQL seconds since start. */
    double[] elapsed() {
        double postgres = postgresSeconds < 0 ? -1 : postgresCpuSeconds() - postgresSeconds;
        return new double[] {(jvmCpuNanos() - jvmNanos) / 1e9, postgres};
    }

    /**
     * CPU time of the calling thread. A client thread runs each cycle's engine calls itself (in-process), so the sum
     * over the client threads is the CPU of the cycles alone: without job executors, garbage collector and compiler,
     * and hardly moved by other work on the machine.
     */
    static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * utime + stime of every postgres process, plus cutime + cstime (backends that already exited are counted in
     * their parent, the postmaster).
     */
    private static double postgresCpuSeconds() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long ticks = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                proc, p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
            for (Path entry : entries) {
                try {
                    String stat = Files.readString(entry.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(open + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // after "(comm) ": field 0 is state; utime, stime, cutime, cstime are fields 11..14
                    ticks += Long.parseLong(fields[11])
                            + Long.parseLong(fields[12])
                            + Long.parseLong(fields[13])
                            + Long.parseLong(fields[14]);
                } catch (IOException | RuntimeException e) {
                    // the process ended while we read it: its time is now in its parent's cutime
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }
}
