package nl.waarborg.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import nl.waarborg.shared.InvalidInputException;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class GateDecisionRulesTest {

    static GateDecisionRequest request(
            String gate,
            String decision,
            String motivation,
            String conditions,
            String deviation,
            List<String> sendBackTo) {
        return new GateDecisionRequest(
                gate,
                !"alderman-decision".equals(gate),
                decision,
                motivation,
                conditions,
                deviation,
                sendBackTo,
                "user",
                "task");
    }

    static GateDecisionRequest alderman(String decision, String deviation) {
        return request("alderman-decision", decision, "Besloten", null, deviation, List.of());
    }

    static Signature advice(String gate, String decision) {
        return new Signature(
                gate, decision, "Advies", null, null, "adviser", Instant.parse("2026-12-07T10:00:00Z"), null, null);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> refused(
            GateDecisionRequest request, String field, String message) {
        return assertThatThrownBy(() -> GateDecisionRules.validDecision(request))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo(field));
    }

    @Test
    void theFourDecisionsAreAcceptedAndTrimmed() {
        assertThat(GateDecisionRules.validDecision(
                        request("alderman-decision", " APPROVED ", "Goed", null, null, null)))
                .isEqualTo("APPROVED");
        assertThat(GateDecisionRules.validDecision(request("alderman-decision", "REJECTED", "Nee", null, null, null)))
                .isEqualTo("REJECTED");
        assertThat(GateDecisionRules.validDecision(request(
                        "ethics-committee-advice",
                        "APPROVED_WITH_CONDITIONS",
                        "Ja",
                        "Jaarlijkse evaluatie",
                        null,
                        null)))
                .isEqualTo("APPROVED_WITH_CONDITIONS");
        assertThat(GateDecisionRules.validDecision(
                        request("privacy-officer-advice", "SENT_BACK", "Opnieuw", null, null, List.of("iama-part-2"))))
                .isEqualTo("SENT_BACK");
    }

    @Test
    void anUnknownOrMissingDecisionIsRefused() {
        String message = "Gate field 'decision' must be APPROVED, APPROVED_WITH_CONDITIONS, SENT_BACK or REJECTED.";
        refused(request("alderman-decision", null, "Goed", null, null, null), "decision", message);
        refused(request("alderman-decision", "approved", "Goed", null, null, null), "decision", message);
        refused(request("alderman-decision", "", "Goed", null, null, null), "decision", message);
    }

    @Test
    void everyDecisionNeedsAMotivation() {
        String message = "Gate field 'motivation' is required for every decision.";
        refused(request("alderman-decision", "APPROVED", null, null, null, null), "motivation", message);
        refused(request("alderman-decision", "REJECTED", "   ", null, null, null), "motivation", message);
    }

    @Test
    void approvalWithConditionsNeedsTheConditions() {
        String message = "Gate field 'conditions' is required with APPROVED_WITH_CONDITIONS.";
        refused(
                request("alderman-decision", "APPROVED_WITH_CONDITIONS", "Goed", null, null, null),
                "conditions",
                message);
        refused(
                request("alderman-decision", "APPROVED_WITH_CONDITIONS", "Goed", " ", null, null),
                "conditions",
                message);
        assertThat(GateDecisionRules.validDecision(request("alderman-decision", "APPROVED", "Goed", null, null, null)))
                .isEqualTo("APPROVED");
    }

    @Test
    void aSendBackNamesThePartsToRework() {
        String message = "Gate field 'sendBackTo' must name at least one part to rework with SENT_BACK.";
        refused(request("alderman-decision", "SENT_BACK", "Opnieuw", null, null, null), "sendBackTo", message);
        refused(request("alderman-decision", "SENT_BACK", "Opnieuw", null, null, List.of()), "sendBackTo", message);
        assertThat(GateDecisionRules.validDecision(request("alderman-decision", "REJECTED", "Nee", null, null, null)))
                .isEqualTo("REJECTED");
    }

    @Test
    void onlyApprovalsApprove() {
        assertThat(GateDecisionRules.approves("APPROVED")).isTrue();
        assertThat(GateDecisionRules.approves("APPROVED_WITH_CONDITIONS")).isTrue();
        assertThat(GateDecisionRules.approves("REJECTED")).isFalse();
        assertThat(GateDecisionRules.approves("SENT_BACK")).isFalse();
    }

    @Test
    void approvingAgainstNegativeAdviceNeedsAMotivationForTheDeviation() {
        List<Signature> advice =
                List.of(advice("privacy-officer-advice", "REJECTED"), advice("ethics-committee-advice", "APPROVED"));
        assertThatThrownBy(() ->
                        GateDecisionRules.requireDeviationMotivation(alderman("APPROVED", null), "APPROVED", advice))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "Gate field 'deviationMotivation' is required: you approve against negative advice of privacy-officer-advice.")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("deviationMotivation"));
        assertThatThrownBy(() -> GateDecisionRules.requireDeviationMotivation(
                        alderman("APPROVED_WITH_CONDITIONS", " "), "APPROVED_WITH_CONDITIONS", advice))
                .isInstanceOf(InvalidInputException.class);
        assertThatCode(() -> GateDecisionRules.requireDeviationMotivation(
                        alderman("APPROVED", "Het belang weegt zwaarder"), "APPROVED", advice))
                .doesNotThrowAnyException();
    }

    @Test
    void everyNegativeAdviceIsNamed() {
        List<Signature> advice =
                List.of(advice("privacy-officer-advice", "REJECTED"), advice("ethics-committee-advice", "REJECTED"));
        assertThatThrownBy(() ->
                        GateDecisionRules.requireDeviationMotivation(alderman("APPROVED", null), "APPROVED", advice))
                .hasMessageEndingWith("negative advice of privacy-officer-advice, ethics-committee-advice.");
    }

    @Test
    void noDeviationWithoutNegativeAdviceOrWithoutApproval() {
        List<Signature> positive =
                List.of(advice("privacy-officer-advice", "APPROVED"), advice("ethics-committee-advice", "SENT_BACK"));
        assertThatCode(() ->
                        GateDecisionRules.requireDeviationMotivation(alderman("APPROVED", null), "APPROVED", positive))
                .doesNotThrowAnyException();
        List<Signature> negative = List.of(advice("privacy-officer-advice", "REJECTED"));
        assertThatCode(() ->
                        GateDecisionRules.requireDeviationMotivation(alderman("REJECTED", null), "REJECTED", negative))
                .as("rejecting follows the advice")
                .doesNotThrowAnyException();
        assertThatCode(() -> GateDecisionRules.requireDeviationMotivation(
                        alderman("SENT_BACK", null), "SENT_BACK", negative))
                .doesNotThrowAnyException();
        GateDecisionRequest ethics = request("ethics-committee-advice", "APPROVED", "Goed", null, null, List.of());
        assertThatCode(() -> GateDecisionRules.requireDeviationMotivation(ethics, "APPROVED", negative))
                .as("an adviser may differ from another adviser")
                .doesNotThrowAnyException();
    }
}
