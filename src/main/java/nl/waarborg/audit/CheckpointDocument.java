package nl.waarborg.audit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.EvidenceKeys;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a checkpoint holds and how it is signed, shared by the application (Checkpoints) and the offline check
 * (CheckpointVerify), so both read the database the same way: the audit head, and every frozen version with its
 * content hash and key id, straight from wb_assessment_version (the offline check runs without the application). The
 * signature is an HMAC-SHA-256 with the evidence key over the canonical JSON of the document without its signature.
 */
final class CheckpointDocument {

    static final String FORMAT = "waarborg-checkpoint/1";
    static final String SIGNATURE = "signature";

    private CheckpointDocument() {}

    /** The head of the audit chain: {lastSeq, lastHash}. */
    static Map<String, Object> head(JdbcClient jdbc) {
        Map<String, Object> row = jdbc.sql("SELECT last_seq, last_hash FROM wb_audit_head WHERE id = 1")
                .query()
                .singleRow();
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("lastSeq", ((Number) row.get("last_seq")).longValue());
        head.put("lastHash", row.get("last_hash"));
        return head;
    }

    /** Every frozen version (it has a content hash): id, assessment, number, status, hash and key id. */
    static List<Map<String, Object>> frozenVersions(JdbcClient jdbc) {
        return jdbc.sql("""
                SELECT id, assessment_id, number, status, content_hash, hash_key_id FROM wb_assessment_version
                WHERE content_hash IS NOT NULL ORDER BY assessment_id, number""")
                .query((rs, row) -> {
                    Map<String, Object> version = new LinkedHashMap<>();
                    version.put("id", rs.getString("id"));
                    version.put("assessmentId", rs.getString("assessment_id"));
                    version.put("number", rs.getInt("number"));
                    version.put("status", rs.getString("status"));
                    version.put("contentHash", rs.getString("content_hash"));
                    version.put("hashKeyId", rs.getString("hash_key_id"));
                    return version;
                })
                .list();
    }

    /** The document with its signature, as canonical JSON (the exported file's text). */
    static String sign(EvidenceKeys keys, Map<String, Object> unsigned) {
        Map<String, Object> document = new LinkedHashMap<>(unsigned);
        document.remove(SIGNATURE);
        EvidenceKeys.KeyedHash signature = keys.hash(CanonicalJson.write(document));
        Map<String, Object> signed = new LinkedHashMap<>();
        signed.put("algorithm", "HMAC-SHA-256");
        signed.put("keyId", signature.keyId());
        signed.put("value", signature.hash());
        document.put(SIGNATURE, signed);
        return CanonicalJson.write(document);
    }

    /** Whether the document's signature holds under a key this installation has (never for a missing key id). */
    static boolean signatureHolds(EvidenceKeys keys, Map<String, Object> document) {
        if (!(document.get(SIGNATURE) instanceof Map<?, ?> signature)
                || !(signature.get("keyId") instanceof String keyId)
                || !(signature.get("value") instanceof String value)
                || !FORMAT.equals(document.get("format"))) {
            return false;
        }
        Map<String, Object> unsigned = new LinkedHashMap<>(document);
        unsigned.remove(SIGNATURE);
        return keys.matches(keyId, CanonicalJson.write(unsigned), value);
    }
}
