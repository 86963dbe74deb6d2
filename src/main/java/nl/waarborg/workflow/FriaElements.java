package nl.waarborg.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The FRIA elements of AI Act Art. 27(1)(a)-(f) must be filled before the IAMA gates start. The forms mark them
 * required; this task listener (on completion of the IAMA parts that hold them, {@code camunda:delegateExpression="${friaElements}"})
 * checks them again on the server, so a completion through /engine-rest cannot skip them (400, the task stays open).
 */
@Component("friaElements")
public class FriaElements implements TaskListener {

    /** Field key → the element of Art. 27(1) it answers, per form id. */
    public static final Map<String, Map<String, String>> ELEMENTS = Map.of(
            "iama-part-3", ordered(
                    "part3DeployerProcess", "(a) de processen waarin het systeem wordt gebruikt",
                    "part3UsePeriodFrequency", "(b) periode en frequentie van gebruik",
                    "part3AffectedGroups", "(c) categorieën betrokken personen en groepen",
                    "part3HumanOversight", "(e) maatregelen voor menselijk toezicht"),
            "iama-part-4", ordered(
                    "part4SpecificRisks", "(d) specifieke risico's op schade",
                    "part4RiskResponse", "(f) maatregelen als risico's zich voordoen, governance en klachtenregeling"));

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, String> elements = ELEMENTS.getOrDefault(ContentTaskListener.formIdOf(task), Map.of());
        List<String> missing = new ArrayList<>();
        elements.forEach((key, element) -> {
            Object value = task.getVariable(key);
            if (value == null || value.toString().isBlank()) {
                missing.add(element + " [" + key + "]");
            }
        });
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing.get(0).substring(missing.get(0).indexOf('[') + 1, missing.get(0).length() - 1),
                    "The FRIA (AI-verordening art. 27 lid 1) needs " + String.join("; ", missing) + ".");
        }
    }
}
