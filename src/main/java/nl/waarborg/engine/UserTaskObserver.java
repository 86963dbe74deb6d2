package nl.waarborg.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A listener that the engine attaches to every user task of every model (create, complete, delete), so that the
 * models need not name it. Implemented by other modules, e.g. oversight's wait tracker.
 */
public interface UserTaskObserver extends TaskListener {
}
