package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.waarborg.shared.TooManyRequestsException;
import org.junit.jupiter.api.Test;

class PdfExportLimitTest {

    @Test
    void oneExportOverTheLimitIsRefusedUntilTheWindowEndsAndOtherUsersAreNotCounted() {
        PdfExportLimit limit = new PdfExportLimit(2);
        Instant start = Instant.parse("2026-12-07T10:00:00Z");
        limit.count("lead", start);
        limit.count("lead", start.plusSeconds(10));
        assertThatThrownBy(() -> limit.count("lead", start.plusSeconds(20)))
                .isInstanceOfSatisfying(
                        TooManyRequestsException.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(41))
                .hasMessageContaining("At most 2 PDF exports a minute");
        limit.count("fg", start.plusSeconds(20)); // someone else's exports are theirs
        limit.count("lead", start.plusSeconds(60)); // a new window
    }
}
