package nl.waarborg.task;

import nl.waarborg.shared.ConflictException;

/** The task was completed already, perhaps by someone else a moment ago (409); the input was not saved. */
public class TaskCompletedException extends ConflictException {

    public TaskCompletedException(String detail) {
        super(detail);
    }
}
