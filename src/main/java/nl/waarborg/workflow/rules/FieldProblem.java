package nl.waarborg.workflow.rules;

/** Why a task cannot be completed as submitted: the field at fault and a message that names it. */
public record FieldProblem(String field, String message) {}
