package nl.waarborg.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.assessment.SegregationOfDutiesException;
import nl.waarborg.assessment.VersionConflictException;
import nl.waarborg.forms.FormInputException;
import nl.waarborg.forms.FormViolation;
import nl.waarborg.shared.DutchDates;
import nl.waarborg.shared.ProblemStatus.Problem;
import nl.waarborg.shared.RefusalNote;
import nl.waarborg.system.PhaseEntryRefusedException;
import nl.waarborg.task.TaskCompletedException;
import nl.waarborg.task.TaskDelegatedException;
import nl.waarborg.workflow.GateHeldException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The task page's answer to a refused completion: the status of {@link nl.waarborg.shared.ProblemStatus}, a Dutch
 * message (the field's own text where there is one) and the field at fault, for the form script to show.
 */
@Component
class TaskRefusals {

    private final MessageSource messages;

    TaskRefusals(MessageSource messages) {
        this.messages = messages;
    }

    ResponseEntity<Map<String, Object>> answer(Problem problem) {
        RefusalNote.note(problem);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem.status().value());
        body.put(
                "message",
                problem.cause() instanceof FormInputException form
                        ? formMessage(form.violations().get(0))
                        : messages.getMessage(messageKey(problem), null, LocaleContextHolder.getLocale()));
        body.put("field", problem.field());
        if (problem.cause() instanceof TaskCompletedException) {
            body.put("completed", true); // e.g. a second click on "Afronden": the page says so calmly
        }
        return ResponseEntity.status(problem.status()).body(body);
    }

    /** The Dutch message key of a refusal answered with a redirect (a flash note), recorded all the same. */
    String noted(Problem problem) {
        RefusalNote.note(problem);
        return messageKey(problem);
    }

    private String messageKey(Problem problem) {
        return switch (problem.status()) {
            case BAD_REQUEST -> problem.field() == null ? "task.error.badRequest" : fieldMessage(problem.field());
            case FORBIDDEN ->
                problem.cause() instanceof SegregationOfDutiesException ? "task.error.duties" : "task.error.forbidden";
            case NOT_FOUND -> "task.error.notFound";
            case CONFLICT ->
                problem.cause() instanceof TaskCompletedException
                        ? "task.error.completed"
                        : problem.cause() instanceof GateHeldException
                                ? "task.error.heldByOther"
                                : problem.cause() instanceof TaskDelegatedException
                                        ? "task.error.delegatedByYou"
                                        : problem.cause() instanceof VersionConflictException conflict
                                                ? (conflict.reason() == VersionConflictException.Reason.UNSEEN_CONTENT
                                                        ? "task.error.unseenContent"
                                                        : "task.error.notDraft")
                                                : problem.cause() instanceof PhaseEntryRefusedException
                                                        ? "task.error.goLive"
                                                        : problem.refusal()
                                                                ? "error.conflict"
                                                                : "task.error.concurrent";
            default -> problem.status().is4xxClientError() ? "task.error.badRequest" : "error.server";
        };
    }

    /** A form check's refusal in Dutch: the field's own text for a missing answer where there is one, else what is wrong. */
    private String formMessage(FormViolation violation) {
        Locale locale = LocaleContextHolder.getLocale();
        String specific = "task.error.field." + violation.field().replaceAll("\\[\\d+]", "");
        boolean missing = EnumSet.of(
                        FormViolation.Problem.REQUIRED,
                        FormViolation.Problem.NO_ROW,
                        FormViolation.Problem.BELOW_MIN,
                        FormViolation.Problem.ABOVE_MAX)
                .contains(violation.problem());
        if (missing && messages.getMessage(specific, null, null, locale) != null) {
            return messages.getMessage(specific, null, locale);
        }
        // A date's limit as every date on the pages: day-month-year.
        boolean date = violation.problem() == FormViolation.Problem.DATE_BEFORE
                || violation.problem() == FormViolation.Problem.DATE_AFTER;
        Object limit = date ? DutchDates.fromIso(violation.limit()).orElse(violation.limit()) : violation.limit();
        String text = messages.getMessage(
                "form.error." + violation.problem(), new Object[] {violation.label(), limit}, locale);
        return violation.row() == null
                ? text
                : messages.getMessage("form.error.row", new Object[] {violation.row(), text}, locale);
    }

    private String fieldMessage(String field) {
        // A field inside a list row (conditionVerdicts[1].reason) has one text for all rows.
        String key = "task.error.field." + field.replaceAll("\\[\\d+]", "");
        return messages.getMessage(key, null, null, LocaleContextHolder.getLocale()) == null
                ? "task.error.badRequest"
                : key;
    }
}
