package nl.waarborg.publication;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarborg.assessment.AssessmentService;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.DecisionGovernance;
import nl.waarborg.assessment.GateDecisionRequest;

/** Test set-up: an assessment version with these answers, taken through its gates to APPROVED by fg, ethics, alderman. */
final class ApprovedAssessments {

    private ApprovedAssessments() {}

    static AssessmentService.OpenedVersion approved(
            AssessmentService assessments,
            String systemId,
            AssessmentType type,
            Map<String, Map<String, Object>> sections) {
        AssessmentService.OpenedVersion v = draft(assessments, systemId, type, sections);
        assessments.markInReview(v.assessmentId(), v.number());
        List<String[]> gates = type == AssessmentType.IAMA
                ? List.of(
                        new String[] {"privacy-officer-advice", "fg"},
                        new String[] {"ethics-committee-advice", "ethics"},
                        new String[] {"alderman-decision", "alderman"})
                : List.of(
                        new String[] {"privacy-officer-advice", "fg"}, new String[] {"alderman-decision", "alderman"});
        for (String[] gate : gates) {
            assessments.decide(
                    v.assessmentId(),
                    v.number(),
                    new GateDecisionRequest(
                            gate[0],
                            !"alderman-decision".equals(gate[0]),
                            "APPROVED",
                            "Akkoord",
                            null,
                            null,
                            List.of(),
                            gate[1],
                            UUID.randomUUID().toString()),
                    "alderman-decision".equals(gate[0])
                            ? new DecisionGovernance("COLLEGE", null, List.of(), List.of())
                            : DecisionGovernance.NONE);
        }
        return v;
    }

    /** A version with these answers per section that stays a draft. */
    static AssessmentService.OpenedVersion draft(
            AssessmentService assessments,
            String systemId,
            AssessmentType type,
            Map<String, Map<String, Object>> sections) {
        AssessmentService.OpenedVersion v = assessments.openVersion(systemId, type, 1, null, "lead");
        sections.forEach(
                (section, answers) -> assessments.saveSection(v.assessmentId(), v.number(), section, answers, "lead"));
        return v;
    }
}
