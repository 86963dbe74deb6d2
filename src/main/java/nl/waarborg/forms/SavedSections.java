package nl.waarborg.forms;

import java.util.Map;
import java.util.Optional;

/**
 * The answers of sections as saved in the assessment version a process works on, for checks that compare answers
 * across sections (the measures of DPIA section D with the risks of section C). Saved answers, not process
 * variables: whoever works a task could set a variable, never a saved section. Implemented by assessment.
 */
public interface SavedSections {

    /**
     * The named sections of the process's version, all from one read of that version, by section id in the order
     * asked; empty when the process works on no assessment version. An unsaved section is an empty map.
     */
    Optional<Map<String, Map<String, Object>>> sections(String processInstanceId, String... sections);
}
