package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarborg.assessment.AssessmentStore.VersionRow;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;

/** The hashes that make a version evidence: of its answers (what a signature saw) and of the whole frozen version. */
final class VersionHashes {

    /**
     * Sections recorded while the version is in review, between the advice and the alderman's decision: the prior
     * consultation of the DPA (AVG art. 36). They record the review rather than the content the advisers assess, so
     * they may be saved in review and are left out of the answers hash that signatures record (ADR 0014).
     */
    static final Set<String> REVIEW_RECORDS =
            Set.of("dpa-consultation-submit", "dpa-consultation-answer", "dpa-consultation-information");

    private VersionHashes() {}

    /** The keyed hash that freezes a version, with the current evidence key (ADR 0018). */
    static EvidenceKeys.KeyedHash contentHash(
            EvidenceKeys keys,
            Assessment assessment,
            VersionRow version,
            List<Signature> signatures,
            String previousHash) {
        return keys.hash(content(assessment, version, signatures, previousHash));
    }

    /** Whether a frozen version's stored hash still matches what the database holds now, under the key it names. */
    static boolean intact(EvidenceKeys keys, Assessment assessment, VersionRow version, List<Signature> signatures) {
        return version.contentHash() != null
                && keys.matches(
                        version.hashKeyId(),
                        content(assessment, version, signatures, version.previousHash()),
                        version.contentHash());
    }

    static String content(Assessment assessment, VersionRow version, List<Signature> signatures, String previousHash) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("assessmentId", assessment.id());
        content.put("type", assessment.type().name());
        content.put("systemId", assessment.systemId());
        content.put("number", version.number());
        content.put("round", version.cycleRound());
        content.put("answers", CanonicalJson.readMap(version.answersJson()));
        content.put("triage", version.triageJson() == null ? null : CanonicalJson.readMap(version.triageJson()));
        List<Map<String, Object>> signed = new ArrayList<>();
        for (Signature s : signatures) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("gate", s.gate());
            m.put("decision", s.decision());
            m.put("motivation", s.motivation());
            m.put("conditions", s.conditions());
            m.put("deviationMotivation", s.deviationMotivation());
            m.put("user", s.user());
            m.put("at", s.at().toString());
            if (s.answersHash() != null) {
                // Only since ADR 0014; left out for older signatures, so their versions still verify.
                m.put("answersHash", s.answersHash());
            }
            signed.add(m);
        }
        content.put("signatures", signed);
        content.put("previousHash", previousHash);
        return CanonicalJson.write(content);
    }

    /** The SHA-256 of the version's answers (without its review records) in canonical JSON: what a signature records as seen. */
    static String answersHash(VersionRow version) {
        Map<String, Object> answers = CanonicalJson.readMap(version.answersJson());
        answers.keySet().removeAll(REVIEW_RECORDS);
        answers.keySet().removeAll(DecisionRecords.SECTIONS);
        return CanonicalJson.sha256(CanonicalJson.write(answers));
    }
}
