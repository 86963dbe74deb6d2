package nl.waarborg.workflow;

import nl.waarborg.shared.InvalidInputException;
import nl.waarborg.workflow.rules.FriaRequirements;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The FRIA elements of AI Act Art. 27(1)(a)-(f) must be filled before the IAMA gates start ({@link FriaRequirements}).
 * The forms mark them required; this task listener (on completion of the IAMA parts that hold them,
 * {@code camunda:delegateExpression="${friaElements}"}) checks them again on the server, so a completion through
 * /engine-rest cannot skip them (400, the task stays open).
 */
@Component("friaElements")
public class FriaElements implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        FriaRequirements.problem(ContentTaskListener.formIdOf(task), task::getVariable)
                .ifPresent(problem -> {
                    throw new InvalidInputException(problem.field(), problem.message());
                });
    }
}
