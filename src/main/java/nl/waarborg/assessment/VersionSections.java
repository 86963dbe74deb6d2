package nl.waarborg.assessment;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.forms.SavedSections;
import org.springframework.stereotype.Component;

/** The sections as saved in the version of a process ({@link SavedSections}, for the form check of forms). */
@Component
class VersionSections implements SavedSections {

    private final AssessmentReads reads;

    VersionSections(AssessmentReads reads) {
        this.reads = reads;
    }

    @Override
    public Optional<Map<String, Object>> section(String processInstanceId, String section) {
        return reads.versionOfProcess(processInstanceId)
                .flatMap(v -> reads.version(v.assessmentId(), v.number()))
                .map(version -> version.answers().get(section) instanceof Map<?, ?> fields ? copy(fields) : Map.of());
    }

    private static Map<String, Object> copy(Map<?, ?> fields) {
        Map<String, Object> copy = new LinkedHashMap<>();
        fields.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }
}
