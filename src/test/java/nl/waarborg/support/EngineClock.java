package nl.waarborg.support;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The engine's clock for tests that walk a scenario through fixed dates, such as a prior consultation of the DPA, whose
 * dates may not lie after today. Register it with {@code @RegisterExtension final EngineClock clock = new
 * EngineClock();} and say which day it is with {@link #today}; the clock keeps ticking from noon (Amsterdam) of that
 * day, and is put back after each test. Jobs are not executed by the engine in tests, so no timer fires by itself.
 */
public class EngineClock implements AfterEachCallback {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    /** From now on the engine's today is {@code isoDate} (yyyy-MM-dd). */
    public void today(String isoDate) {
        long noon = LocalDate.parse(isoDate)
                .atTime(LocalTime.NOON)
                .atZone(AMSTERDAM)
                .toInstant()
                .toEpochMilli();
        ClockUtil.offset(noon - System.currentTimeMillis());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ClockUtil.reset();
    }
}
