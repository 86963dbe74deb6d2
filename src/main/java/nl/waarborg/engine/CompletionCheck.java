package nl.waarborg.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A check that the engine runs on the completion of every user task of every model, before the model's own
 * listeners and also when a client asks to skip custom listeners (a built-in listener). Throwing refuses the
 * completion; nothing of it is saved. Implemented by other modules, e.g. the form check of forms.
 */
public interface CompletionCheck extends TaskListener {}
