package nl.waarborg.support;

import nl.waarborg.demo.DemoDriver;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;

/**
 * The set-up of a test that works on a system's cycle: a system registered by the project lead with its cycle started,
 * through the application's own services, and the services to drive it further. Register it with
 * {@code @RegisterExtension final CycleSteps steps = new CycleSteps();} ({@link InContext}).
 */
public class CycleSteps extends InContext {

    public SystemRegistry systems() {
        return bean(SystemRegistry.class);
    }

    public CycleService cycles() {
        return bean(CycleService.class);
    }

    public DemoDriver driver() {
        return bean(DemoDriver.class);
    }

    /** A system named {@code name} of lead's team (department Sociaal Domein) with its cycle started; its id. */
    public String systemWithCycle(String name) {
        SystemRecord system = systems().register(name, null, "Sociaal Domein", "lead");
        driver().as("lead", () -> cycles().startCycle(system.id(), "lead"));
        return system.id();
    }

    /** A browser session of the demo user, logged in through the login form. */
    public Http session(String user) {
        return api().session(user);
    }
}
