package nl.waarborg.assessment;

import java.util.Set;

/** The two impact assessments; the process key is the lower-case name. */
public enum AssessmentType {
    IAMA(Set.of("iama-part-1", "iama-part-2", "iama-part-3", "iama-part-4", "iama-part-5")),
    DPIA(Set.of(
            "dpia-section-a",
            "dpia-section-b",
            "dpia-section-c",
            "dpia-section-d",
            "dpa-consultation-submit",
            "dpa-consultation-answer",
            "dpa-consultation-information"));

    private final Set<String> sections;

    AssessmentType(Set<String> sections) {
        this.sections = sections;
    }

    public String processKey() {
        return name().toLowerCase();
    }

    /**
     * The sections a version of this type holds answers for: the forms of the process's content tasks (those whose
     * completion saves a section, bpmn/iama.bpmn and bpmn/dpia.bpmn). Nothing else is written into a version's answers
     * by hand: the alderman's decision record is written by the decision itself, and an advice is a signature.
     */
    public Set<String> sections() {
        return sections;
    }

    public static AssessmentType ofProcessKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
