package nl.waarborg.forms;

import java.util.Map;
import java.util.Optional;

/**
 * The answers of one section as saved in the assessment version a process works on, for checks that compare a task's
 * answers with an earlier section (the measures of DPIA section D with the risks of section C). Saved answers, not
 * process variables: whoever works a task could set a variable, never a saved section. Implemented by assessment.
 */
public interface SavedSections {

    /** The saved section, empty when the process works on no assessment version; an unsaved section is an empty map. */
    Optional<Map<String, Object>> section(String processInstanceId, String section);
}
