package nl.waarborg.task;

import nl.waarborg.shared.ConflictException;

/**
 * The user delegated the task to a colleague, who works it now (409): the delegator completes it after the colleague
 * hands it back (the engine's resolve). Nothing was saved.
 */
public class TaskDelegatedException extends ConflictException {

    TaskDelegatedException(String taskId, String delegate, String user) {
        super("Task " + taskId + " was delegated by " + user + " to " + delegate + ", who works it now; " + user
                + " completes it after " + delegate + " hands it back (resolve). Nothing was saved.");
    }
}
