package nl.waarborg.task;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.engine.EngineAccess;
import nl.waarborg.engine.EngineTables;
import nl.waarborg.forms.FormCatalog;
import nl.waarborg.forms.FormInputException;
import nl.waarborg.forms.FormKeys;
import nl.waarborg.forms.FormValidator;
import nl.waarborg.forms.FormViolation;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.ForbiddenException;
import nl.waarborg.shared.InvalidInputException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Concept opslaan" (ADR 0045): the unfinished answers of a task's form, kept per task and user in wb_task_draft until
 * the user discards them or the task is completed or deleted ({@link TaskDraftCleanup}). Only the user who may work the task saves or reads it:
 * the engine lets them read it and work it (a manager may only read), and nobody else has claimed it. A draft is bounded
 * as a completion is (the form's own keys, the same lengths, kinds and choices), but nothing needs to be answered yet.
 * It is never a completion and nothing reads it as content: it is not an engine variable and not an answer save.
 */
@Service
public class TaskDrafts {

    /** A saved draft: the form it is for, when it was saved, and the answers as the form sent them. */
    public record Draft(String taskId, String formId, Instant savedAt, Map<String, Object> values) {}

    private static final TypeReference<LinkedHashMap<String, Object>> ANSWERS = new TypeReference<>() {};

    private final TaskWork work;
    private final ProcessEngine engine;
    private final FormCatalog forms;
    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final TransactionTemplate transactions;
    private final FormValidator validator = new FormValidator();

    public TaskDrafts(
            TaskWork work,
            ProcessEngine engine,
            FormCatalog forms,
            JdbcClient jdbc,
            ObjectMapper json,
            TransactionTemplate transactions) {
        this.work = work;
        this.engine = engine;
        this.forms = forms;
        this.jdbc = jdbc;
        this.json = json;
        this.transactions = transactions;
    }

    /** Saves the user's draft of the task, replacing their earlier one; refuses what a completion would refuse as input. */
    public Draft save(String taskId, Map<String, Object> values) {
        FormCatalog.Form form = formOf(workable(taskId));
        if (form == null) {
            throw new InvalidInputException(
                    null, "Task " + taskId + " has no form; there is nothing to save as a draft.");
        }
        Map<String, Object> answers = values == null ? Map.of() : values;
        List<FormViolation> problems = validator.draftProblems(form, answers);
        if (!problems.isEmpty()) {
            throw new FormInputException(problems);
        }
        String text;
        try {
            text = json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(null, "The draft cannot be written as JSON.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String user = CurrentUser.id();
        // Two saves at once (a double click, two tabs) may both find no row and both insert: the second insert's
        // transaction fails on the key and is run once more, when its update finds the first one's row.
        for (int attempt = 1; ; attempt++) {
            try {
                store(taskId, user, form.id(), now, text);
                return new Draft(taskId, form.id(), now, answers);
            } catch (org.springframework.dao.DuplicateKeyException raced) {
                if (attempt >= 2) {
                    throw raced;
                }
            }
        }
    }

    private void store(String taskId, String user, String formId, Instant now, String text) {
        transactions.executeWithoutResult(status -> {
            // The task's row first, as its completion takes it before removing the drafts (TaskDraftCleanup): a save
            // at the same moment either waits and finds the task done, or is removed with the others (probe 66).
            if (!EngineTables.lockTask(jdbc, engine, taskId)) {
                throw new TaskCompletedException(
                        "Task " + taskId + " was completed at the same moment; the draft was not saved.");
            }
            int updated = jdbc.sql("UPDATE wb_task_draft SET form_id = ?, saved_at = ?, answers = ?"
                            + " WHERE task_id = ? AND user_id = ?")
                    .params(formId, Timestamp.from(now), text, taskId, user)
                    .update();
            if (updated == 0) {
                jdbc.sql(
                                "INSERT INTO wb_task_draft (task_id, user_id, form_id, saved_at, answers) VALUES (?, ?, ?, ?, ?)")
                        .params(taskId, user, formId, Timestamp.from(now), text)
                        .update();
            }
        });
    }

    /**
     * The user's own draft of the task, if they saved one; someone who may not work the task is refused. Only the keys
     * of the task's form as it is now: a key a changed form no longer has is left out (a completion would refuse it).
     */
    public Optional<Draft> read(String taskId) {
        FormCatalog.Form form = formOf(workable(taskId));
        return jdbc.sql("SELECT form_id, saved_at, answers FROM wb_task_draft WHERE task_id = ? AND user_id = ?")
                .params(taskId, CurrentUser.id())
                .query((rows, n) -> {
                    Map<String, Object> answers = parse(rows.getString("answers"));
                    return new Draft(
                            taskId,
                            rows.getString("form_id"),
                            rows.getTimestamp("saved_at").toInstant(),
                            form == null ? Map.of() : FormKeys.onTheForm(form, answers));
                })
                .optional();
    }

    /**
     * Throws the user's own draft of the task away ("Concept verwijderen"); the same users as for saving and reading.
     * Whether there was one: discarding twice is no error, the outcome is the same.
     */
    public boolean discard(String taskId) {
        workable(taskId);
        return jdbc.sql("DELETE FROM wb_task_draft WHERE task_id = ? AND user_id = ?")
                        .params(taskId, CurrentUser.id())
                        .update()
                > 0;
    }

    /**
     * The task, when the user may work it: they can see it (else 404, or 409 when it was completed), the engine lets
     * them work it (else 403, e.g. a manager, who only reads tasks) and nobody else has claimed it (else 403).
     */
    private Task workable(String taskId) {
        Task task = work.readable(taskId);
        if (task.getAssignee() != null && !task.getAssignee().equals(CurrentUser.id())) {
            throw new ForbiddenException(
                    "Task " + taskId + " is claimed by someone else; only they can save or read a draft of it.");
        }
        EngineAccess.checkMayWork(engine, taskId);
        return task;
    }

    /** The catalogue's form of the task (the one its page renders), or null when it has none. */
    private FormCatalog.Form formOf(Task task) {
        String formId = TaskWork.formIdOf(task);
        return formId == null ? null : forms.form(formId).orElse(null);
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored draft is not JSON", e);
        }
    }
}
