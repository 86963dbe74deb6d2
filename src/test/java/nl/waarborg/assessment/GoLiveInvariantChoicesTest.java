package nl.waarborg.assessment;

import static nl.waarborg.assessment.GoLiveInvariantTest.HASH;
import static nl.waarborg.assessment.GoLiveInvariantTest.PARTIES;
import static nl.waarborg.assessment.GoLiveInvariantTest.approved;
import static nl.waarborg.assessment.GoLiveInvariantTest.iamaSignatures;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarborg.assessment.TriageChoices.Entry;
import nl.waarborg.assessment.TriageChoices.Step;
import org.junit.jupiter.api.Test;

/**
 * The go-live invariant with what follows the triage (ADR 0030): a recommended assessment counts done and signed, or
 * declined with reasons and advice; the Art. 6(3) exception counts after the privacy officer agreed with it.
 */
class GoLiveInvariantChoicesTest {

    static Map<String, Object> outcome(String iamaAdvice, String dpiaAdvice, boolean rebuttable) {
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("triageStop", false);
        outcome.put("iamaAdvice", iamaAdvice);
        outcome.put("dpiaAdvice", dpiaAdvice);
        outcome.put("dpiaRebuttable", rebuttable);
        return outcome;
    }

    static List<String> violations(Map<String, Object> outcome, List<Entry> decisions) {
        return GoLiveInvariant.violations(
                new GoLiveInvariant.Facts(1, outcome, Map.of(), PARTIES, decisions), GoLiveInvariantTest.MEMBERS);
    }

    static Entry step(String subject, Step step, String outcome, String user) {
        return new Entry(subject, step, outcome, "Redenen", user);
    }

    @Test
    void aRecommendedAssessmentThatWasNeitherDoneNorDeclinedKeepsTheSystemBack() {
        assertThat(violations(outcome("NOT_REQUIRED", "RECOMMENDED", false), List.of()))
                .singleElement()
                .asString()
                .contains("DPIA of round 1 is recommended but has no version")
                .contains("privacy-officer");
        assertThat(violations(outcome("RECOMMENDED", "NOT_REQUIRED", false), List.of()))
                .singleElement()
                .asString()
                .contains("ethics-committee");
        // A DPIA required on the WP248 count alone is rebuttable, and so the same.
        assertThat(violations(outcome("NOT_REQUIRED", "REQUIRED", true), List.of()))
                .singleElement()
                .asString()
                .contains("DPIA of round 1 is recommended");
        // The owner chose to start it: only an approved version counts.
        assertThat(violations(
                        outcome("RECOMMENDED", "NOT_REQUIRED", false),
                        List.of(step("IAMA", Step.CHOICE, "START", "lead"))))
                .isNotEmpty();
    }

    @Test
    void aRecommendedAssessmentCountsWhenDoneAndSigned() {
        GoLiveInvariant.Facts facts = new GoLiveInvariant.Facts(
                1,
                outcome("RECOMMENDED", "NOT_REQUIRED", false),
                Map.of(AssessmentType.IAMA, approved(iamaSignatures())),
                PARTIES,
                List.of(step("IAMA", Step.CHOICE, "START", "lead")));
        assertThat(GoLiveInvariant.violations(facts, GoLiveInvariantTest.MEMBERS))
                .isEmpty();
    }

    @Test
    void aDeclineCountsWithTheAdvisersAgreementOrTheOwnersMotivatedDeviation() {
        Entry declined = step("DPIA", Step.CHOICE, "DECLINE", "lead");
        assertThat(violations(
                        outcome("NOT_REQUIRED", "RECOMMENDED", false),
                        List.of(declined, step("DPIA", Step.ADVICE, "AGREED", "fg"))))
                .isEmpty();
        assertThat(violations(
                        outcome("NOT_REQUIRED", "RECOMMENDED", false),
                        List.of(
                                declined,
                                step("DPIA", Step.ADVICE, "DISAGREED", "fg"),
                                step("DPIA", Step.FINAL, "DECLINE", "lead"))))
                .isEmpty();
        // Advice against the decline and no decision after it: not settled.
        assertThat(violations(
                        outcome("NOT_REQUIRED", "RECOMMENDED", false),
                        List.of(declined, step("DPIA", Step.ADVICE, "DISAGREED", "fg"))))
                .isNotEmpty();
        // The IAMA's decline is advised by the ethics committee, not by the privacy officer.
        assertThat(violations(
                        outcome("RECOMMENDED", "NOT_REQUIRED", false),
                        List.of(
                                step("IAMA", Step.CHOICE, "DECLINE", "lead"),
                                step("IAMA", Step.ADVICE, "AGREED", "fg"))))
                .singleElement()
                .asString()
                .contains("not a member of group 'ethics-committee'");
        // A party of the round (here the owner) cannot advise.
        assertThat(violations(
                        outcome("NOT_REQUIRED", "RECOMMENDED", false),
                        List.of(declined, step("DPIA", Step.ADVICE, "AGREED", "owner"))))
                .anySatisfy(v -> assertThat(v).contains("owns the system"));
    }

    @Test
    void aRequiredAssessmentCannotBeDeclined() {
        assertThat(violations(
                        outcome("REQUIRED", "NOT_REQUIRED", false),
                        List.of(
                                step("IAMA", Step.CHOICE, "DECLINE", "lead"),
                                step("IAMA", Step.ADVICE, "AGREED", "ethics"))))
                .singleElement()
                .asString()
                .contains("IAMA of round 1 has no version");
    }

    @Test
    void theArt63ExceptionCountsOnlyAfterThePrivacyOfficerAgreed() {
        Map<String, Object> exception = outcome("NOT_REQUIRED", "NOT_REQUIRED", false);
        exception.put("aiActClass", "EXCEPTION_ART_6_3");
        assertThat(violations(exception, List.of()))
                .singleElement()
                .asString()
                .contains("has not been reviewed by the privacy officer");
        assertThat(violations(exception, List.of(step("ART_6_3", Step.REVIEW, "AGREED", "fg"))))
                .isEmpty();
        assertThat(violations(exception, List.of(step("ART_6_3", Step.REVIEW, "DISAGREED", "fg"))))
                .singleElement()
                .asString()
                .contains("did not agree");
        assertThat(violations(exception, List.of(step("ART_6_3", Step.REVIEW, "AGREED", "ethics"))))
                .singleElement()
                .asString()
                .contains("not a member of group 'privacy-officer'");
        assertThat(violations(exception, List.of(step("ART_6_3", Step.REVIEW, "AGREED", "triager"))))
                .anySatisfy(v -> assertThat(v).contains("filled in the system's triage"));
    }

    @Test
    void aStartedRecommendedAssessmentCountsOnlyOnceApprovedAndDecided() {
        List<Signature> advisedOnly = iamaSignatures().subList(0, 2);
        GoLiveInvariant.Facts facts = new GoLiveInvariant.Facts(
                1,
                outcome("RECOMMENDED", "NOT_REQUIRED", false),
                Map.of(
                        AssessmentType.IAMA,
                        new GoLiveInvariant.VersionFacts(3, VersionStatus.IN_REVIEW, HASH, true, advisedOnly)),
                PARTIES,
                List.of(step("IAMA", Step.CHOICE, "START", "lead")));
        assertThat(GoLiveInvariant.violations(facts, GoLiveInvariantTest.MEMBERS))
                .anySatisfy(v -> assertThat(v).contains("IAMA of round 1 (version 3) is IN_REVIEW, not approved"))
                .anySatisfy(v -> assertThat(v).contains("has no approving decision of the alderman"))
                .hasSize(2);
    }

    @Test
    void aDeclinedDpiaDoesNotExcuseTheRecommendedIama() {
        assertThat(violations(
                        outcome("RECOMMENDED", "RECOMMENDED", false),
                        List.of(
                                step("DPIA", Step.CHOICE, "DECLINE", "lead"),
                                step("DPIA", Step.ADVICE, "AGREED", "fg"))))
                .singleElement()
                .asString()
                .contains("IAMA of round 1 is recommended but has no version");
    }

    @Test
    void theReviewOfTheExceptionIsNotConfusedWithLaterStepsOfARecommendedAssessment() {
        Map<String, Object> exception = outcome("RECOMMENDED", "NOT_REQUIRED", false);
        exception.put("aiActClass", "EXCEPTION_ART_6_3");
        // The privacy officer agreed with the exception; then the owner declined the IAMA and the ethics committee
        // agreed.
        assertThat(violations(
                        exception,
                        List.of(
                                step("ART_6_3", Step.REVIEW, "AGREED", "fg"),
                                step("IAMA", Step.CHOICE, "DECLINE", "lead"),
                                step("IAMA", Step.ADVICE, "AGREED", "ethics"))))
                .isEmpty();
    }
}
