package nl.waarborg.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A listener that the engine attaches to every user task of every model (create, complete and delete, or the events
 * it names), so that the models need not name it. Implemented by other modules, e.g. oversight's wait tracker and the
 * system team's task access.
 */
public interface UserTaskObserver extends TaskListener {

    /** The task events this observer hears: create, complete and delete unless it names others (e.g. assignment, update). */
    default List<String> events() {
        return List.of(EVENTNAME_CREATE, EVENTNAME_COMPLETE, EVENTNAME_DELETE);
    }
}
