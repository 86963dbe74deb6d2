package nl.waarborg.workflow;

import nl.waarborg.shared.ConflictException;

/**
 * A gate that someone holds (claimed, or handed to them by an administrator) is decided by them: a colleague in the
 * group who completes it, from a page opened before or through the engine's API, is refused (409). Probe 64 saw a stale
 * page decide a gate that the administrator had just handed to someone else.
 */
public class GateHeldException extends ConflictException {

    GateHeldException(String taskId, String holder, String user) {
        super("Task " + taskId + " is held by " + holder + ", who decides it; " + user + " cannot complete it. Ask "
                + holder + " to release it, or the functional administrator to hand it over (/beheer/werk).");
    }
}
