package nl.waarborg.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.forms.SavedSections;
import org.springframework.stereotype.Component;

/** The sections as saved in the version of a process ({@link SavedSections}, for the checks of forms and workflow). */
@Component
class VersionSections implements SavedSections {

    private final AssessmentReads reads;

    VersionSections(AssessmentReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<Map<String, Map<String, Object>>> sections(String processInstanceId, String... sections) {
        return reads.versionOfProcess(processInstanceId)
                .flatMap(v -> reads.version(v.assessmentId(), v.number()))
                .map(version -> pick(version.answers(), sections));
    }

    /** The named sections of a version's answers, in the order asked; a section that is not a map is an empty one. */
    static Map<String, Map<String, Object>> pick(Map<String, Object> answers, String... sections) {
        Map<String, Map<String, Object>> picked = new LinkedHashMap<>();
        for (String section : sections) {
            picked.put(section, answers.get(section) instanceof Map<?, ?> fields ? copy(fields) : Map.of());
        }
        return picked;
    }

    private static Map<String, Object> copy(Map<?, ?> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
