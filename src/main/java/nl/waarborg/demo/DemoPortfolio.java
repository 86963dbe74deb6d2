package nl.waarborg.demo;

import java.util.List;
import java.util.Map;
import nl.waarborg.audit.AuditAction;
import nl.waarborg.audit.AuditTrail;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import nl.waarborg.workflow.CycleService;
import nl.waarborg.workflow.CycleService.OpenStep;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A small demo portfolio so that every screen shows something: a few systems of different departments, some driven
 * through the engine by the demo users until they wait at different gates. Idempotent (a system that exists by name is
 * left alone) and harmless: any failure is logged and the rest of start-up goes on. Only in the demo profile; tests
 * switch it off with waarborg.demo.seed=false.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "waarborg.demo.seed", havingValue = "true", matchIfMissing = true)
public class DemoPortfolio {

    private static final Logger log = LoggerFactory.getLogger(DemoPortfolio.class);

    /** A demo system and the task it should end up waiting at (null: registered only; "" start the cycle only). */
    record DemoSystem(String name, String department, String description, String waitAt, Map<String, Object> answers) {}

    static final List<DemoSystem> PORTFOLIO = List.of(
            new DemoSystem(
                    "Wmo-maatwerk toewijzen",
                    "Sociaal Domein",
                    "Stelt voor welke Wmo-maatwerkvoorziening bij een aanvraag past; een consulent beslist.",
                    "privacy-officer-advice",
                    Map.of(
                            "isAiSystem",
                            "YES",
                            "annexIiiArea",
                            "ESSENTIAL_SERVICES",
                            "profilesPersons",
                            "YES",
                            "edpbEvaluationScoring",
                            "YES",
                            "processesPersonalData",
                            "YES",
                            "dpaListType",
                            "PROFILING")),
            new DemoSystem(
                    "Signalering onrechtmatige bijstand",
                    "Werk en Inkomen",
                    "Rangschikt bijstandsdossiers voor heronderzoek op basis van risicokenmerken.",
                    "ethics-committee-advice",
                    Map.of(
                            "legalEffects",
                            "YES",
                            "classifiesPersons",
                            "YES",
                            "processesPersonalData",
                            "YES",
                            "dpaListType",
                            "FRAUD_PREVENTION")),
            new DemoSystem(
                    "Scanauto parkeerhandhaving",
                    "Stadsbeheer",
                    "Herkent kentekens en controleert of voor geparkeerde auto's is betaald.",
                    "alderman-decision",
                    Map.of("legalEffects", "YES")),
            new DemoSystem(
                    "Chatbot klantcontact",
                    "Publiekszaken",
                    "Beantwoordt eenvoudige vragen van inwoners over afval, paspoorten en parkeren.",
                    "",
                    Map.of()),
            new DemoSystem(
                    "Voorselectie sollicitaties",
                    "Personeel en Organisatie",
                    "Ordent sollicitatiebrieven op relevante ervaring; nog in verkenning.",
                    null,
                    Map.of()));

    private final SystemRegistry systems;
    private final CycleService cycles;
    private final DemoDriver driver;
    private final AuditTrail audit;

    public DemoPortfolio(SystemRegistry systems, CycleService cycles, DemoDriver driver, AuditTrail audit) {
        this.systems = systems;
        this.cycles = cycles;
        this.driver = driver;
        this.audit = audit;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        for (DemoSystem demo : PORTFOLIO) {
            try {
                seed(demo);
            } catch (RuntimeException e) {
                log.warn("Demo portfolio: '{}' not (fully) prepared: {}", demo.name(), e.toString());
            }
        }
    }

    private void seed(DemoSystem demo) {
        if (systems.list().stream().anyMatch(s -> s.name().equals(demo.name()))) {
            return;
        }
        SystemRecord system = driver.as("lead", () -> {
            SystemRecord created = systems.register(demo.name(), demo.description(), demo.department(), "lead");
            audit.record(
                    AuditAction.SYSTEM_REGISTERED,
                    "lead",
                    created.id(),
                    Map.of("name", created.name(), "department", created.department()));
            return created;
        });
        if (demo.waitAt() == null) {
            return;
        }
        driver.as("lead", () -> cycles.startCycle(system.id(), "lead"));
        if (demo.waitAt().isEmpty()) {
            return;
        }
        List<OpenStep> open = driver.driveUntil(system.id(), demo.waitAt(), demo.answers());
        log.info(
                "Demo portfolio: '{}' waits at {}",
                demo.name(),
                open.stream().map(OpenStep::activityId).toList());
    }
}
