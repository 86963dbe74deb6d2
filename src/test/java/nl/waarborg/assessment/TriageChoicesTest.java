package nl.waarborg.assessment;

import static nl.waarborg.assessment.TriageChoices.Option.CHOOSE;
import static nl.waarborg.assessment.TriageChoices.Option.NONE;
import static nl.waarborg.assessment.TriageChoices.Option.RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.TriageChoices.Entry;
import nl.waarborg.assessment.TriageChoices.Part;
import nl.waarborg.assessment.TriageChoices.Status;
import nl.waarborg.assessment.TriageChoices.Step;
import org.junit.jupiter.api.Test;

/** Which choice is possible when after the triage, and what a decline must hold (ADR 0030); no database, no engine. */
class TriageChoicesTest {

    static final Optional<TriageChoices.Option> CHOICE = Optional.of(CHOOSE);

    static Entry entry(String subject, Step step, String outcome, String user) {
        return new Entry(subject, step, outcome, "Redenen", user);
    }

    @Test
    void theTriageOutcomeSaysWhatIsLeftToAChoice() {
        assertThat(TriageChoices.option(AssessmentType.DPIA, Map.of("dpiaAdvice", "REQUIRED")))
                .contains(RUN);
        assertThat(TriageChoices.option(AssessmentType.DPIA, Map.of("dpiaAdvice", "REQUIRED", "dpiaRebuttable", false)))
                .contains(RUN);
        // Required on the count of WP248 criteria alone: rebuttable with reasons and the FG's advice.
        assertThat(TriageChoices.option(AssessmentType.DPIA, Map.of("dpiaAdvice", "REQUIRED", "dpiaRebuttable", true)))
                .contains(CHOOSE);
        // Only the DPIA is rebuttable; a required IAMA (the FRIA of Art. 27) never is.
        assertThat(TriageChoices.option(AssessmentType.IAMA, Map.of("iamaAdvice", "REQUIRED", "dpiaRebuttable", true)))
                .contains(RUN);
        assertThat(TriageChoices.option(AssessmentType.IAMA, Map.of("iamaAdvice", "RECOMMENDED")))
                .contains(CHOOSE);
        assertThat(TriageChoices.option(AssessmentType.DPIA, Map.of("dpiaAdvice", "NOT_REQUIRED")))
                .contains(NONE);
        // An outcome from before the advice outputs: the required flag decides; nothing at all says nothing.
        assertThat(TriageChoices.option(AssessmentType.DPIA, Map.of("dpiaRequired", true)))
                .contains(RUN);
        assertThat(TriageChoices.option(AssessmentType.IAMA, Map.of("iamaRequired", false)))
                .contains(NONE);
        assertThat(TriageChoices.option(AssessmentType.IAMA, Map.of("iamaAdvice", "SOMETHING")))
                .isEmpty();
    }

    @Test
    void anAssessmentAnEarlierRoundApprovedIsRecommendedWhereTheTriageWouldDropIt() {
        Map<String, Object> none = new java.util.LinkedHashMap<>();
        none.put("triageStop", false);
        none.put("dpiaAdvice", "NOT_REQUIRED");
        none.put("dpiaRecommended", false);
        none.put("dpiaGround", null);
        none.put("iamaAdvice", "NOT_REQUIRED");
        none.put("iamaReason", "Geen impactvol algoritme");
        java.util.Set<AssessmentType> both = java.util.EnumSet.allOf(AssessmentType.class);

        Map<String, Object> later = TriageChoices.afterEarlierRounds(none, both);
        assertThat(later)
                .containsEntry("dpiaAdvice", "RECOMMENDED")
                .containsEntry("dpiaRecommended", true)
                .containsEntry("dpiaGround", TriageChoices.EARLIER_ROUND_REASON.get(AssessmentType.DPIA))
                .containsEntry("iamaAdvice", "RECOMMENDED")
                .containsEntry("iamaReason", TriageChoices.EARLIER_ROUND_REASON.get(AssessmentType.IAMA))
                .doesNotContainKey("iamaRecommended")
                .containsEntry("triageStop", false);
        assertThat(TriageChoices.option(AssessmentType.DPIA, later)).contains(CHOOSE);
        assertThat(TriageChoices.option(AssessmentType.IAMA, later)).contains(CHOOSE);
        assertThat(TriageChoices.EARLIER_ROUND_REASON.get(AssessmentType.DPIA))
                .contains("eerdere ronde", "aanbevolen", "FG", "art. 35 lid 11 AVG");
        assertThat(TriageChoices.EARLIER_ROUND_REASON.get(AssessmentType.IAMA))
                .contains("eerdere ronde", "aanbevolen", "ethische commissie");
        // The outcome given is not changed.
        assertThat(none)
                .containsEntry("dpiaAdvice", "NOT_REQUIRED")
                .containsEntry("iamaReason", "Geen impactvol algoritme");

        // Only what an earlier round approved; only where the triage would drop it; never after a stop.
        Map<String, Object> onlyDpia = TriageChoices.afterEarlierRounds(none, java.util.Set.of(AssessmentType.DPIA));
        assertThat(onlyDpia)
                .containsEntry("dpiaAdvice", "RECOMMENDED")
                .containsEntry("iamaAdvice", "NOT_REQUIRED")
                .containsEntry("iamaReason", "Geen impactvol algoritme");
        Map<String, Object> onlyIama = TriageChoices.afterEarlierRounds(none, java.util.Set.of(AssessmentType.IAMA));
        assertThat(onlyIama)
                .containsEntry("iamaAdvice", "RECOMMENDED")
                .containsEntry("dpiaAdvice", "NOT_REQUIRED")
                .containsEntry("dpiaRecommended", false)
                .containsEntry("dpiaGround", null);
        assertThat(TriageChoices.afterEarlierRounds(none, java.util.Set.of())).isEqualTo(none);
        Map<String, Object> required = new java.util.LinkedHashMap<>(none);
        required.put("dpiaAdvice", "REQUIRED");
        required.put("dpiaGround", "AP-lijst (art. 35 lid 4)");
        assertThat(TriageChoices.afterEarlierRounds(required, both))
                .containsEntry("dpiaAdvice", "REQUIRED")
                .containsEntry("dpiaGround", "AP-lijst (art. 35 lid 4)");
        Map<String, Object> stopped = new java.util.LinkedHashMap<>(none);
        stopped.put("triageStop", true);
        assertThat(TriageChoices.afterEarlierRounds(stopped, both)).isEqualTo(stopped);
    }

    @Test
    void theDpiaIsAdvisedByThePrivacyOfficerAndTheIamaByTheEthicsCommittee() {
        assertThat(TriageChoices.adviser(AssessmentType.DPIA)).isEqualTo("privacy-officer");
        assertThat(TriageChoices.adviser(AssessmentType.IAMA)).isEqualTo("ethics-committee");
        assertThat(TriageChoices.groupOf("IAMA", Step.ADVICE)).isEqualTo("ethics-committee");
        assertThat(TriageChoices.groupOf("DPIA", Step.CHOICE)).isEqualTo("project-lead");
        assertThat(TriageChoices.groupOf("DPIA", Step.FINAL)).isEqualTo("project-lead");
        assertThat(TriageChoices.groupOf(TriageChoices.ART_6_3, Step.REVIEW)).isEqualTo("privacy-officer");
    }

    @Test
    void theStepsLeadFromAChoiceThroughAdviceToADecision() {
        List<Entry> steps = new ArrayList<>();
        assertThat(TriageChoices.status(steps)).isEqualTo(Status.OPEN);
        assertThat(TriageChoices.nextStep(Status.OPEN)).contains(Step.CHOICE);
        steps.add(entry("DPIA", Step.CHOICE, "DECLINE", "lead"));
        assertThat(TriageChoices.status(steps)).isEqualTo(Status.AWAITING_ADVICE);
        assertThat(TriageChoices.nextStep(Status.AWAITING_ADVICE)).contains(Step.ADVICE);
        steps.add(entry("DPIA", Step.ADVICE, "DISAGREED", "fg"));
        assertThat(TriageChoices.status(steps)).isEqualTo(Status.AWAITING_DECISION);
        assertThat(TriageChoices.nextStep(Status.AWAITING_DECISION)).contains(Step.FINAL);
        assertThat(TriageChoices.status(
                        List.of(steps.get(0), steps.get(1), entry("DPIA", Step.FINAL, "DECLINE", "lead"))))
                .isEqualTo(Status.DECLINED);
        assertThat(TriageChoices.status(
                        List.of(steps.get(0), steps.get(1), entry("DPIA", Step.FINAL, "START", "lead"))))
                .isEqualTo(Status.RUNS);
        assertThat(TriageChoices.status(List.of(steps.get(0), entry("DPIA", Step.ADVICE, "AGREED", "fg"))))
                .isEqualTo(Status.DECLINED);
        assertThat(TriageChoices.status(List.of(entry("IAMA", Step.CHOICE, "START", "lead"))))
                .isEqualTo(Status.RUNS);
        assertThat(TriageChoices.nextStep(Status.RUNS)).isEmpty();
        assertThat(TriageChoices.nextStep(Status.DECLINED)).isEmpty();
    }

    @Test
    void aDeclineNeedsReasonsAndAnAdviceNeedsAMotivation() {
        AssessmentType dpia = AssessmentType.DPIA;
        assertThat(TriageChoices.refusal(dpia, CHOICE, List.of(), Step.CHOICE, "START", null))
                .isEmpty();
        assertThat(TriageChoices.refusal(dpia, CHOICE, List.of(), Step.CHOICE, "DECLINE", "Geen risico"))
                .isEmpty();
        for (String blank : new String[] {null, "", "   "}) {
            assertThat(TriageChoices.refusal(dpia, CHOICE, List.of(), Step.CHOICE, "DECLINE", blank))
                    .hasValueSatisfying(p -> {
                        assertThat(p.part()).isEqualTo(Part.TEXT);
                        assertThat(p.message()).contains("reasons");
                    });
        }
        List<Entry> declined = List.of(entry("DPIA", Step.CHOICE, "DECLINE", "lead"));
        assertThat(TriageChoices.refusal(dpia, CHOICE, declined, Step.ADVICE, "AGREED", " "))
                .hasValueSatisfying(p -> assertThat(p.part()).isEqualTo(Part.TEXT));
        assertThat(TriageChoices.refusal(dpia, CHOICE, declined, Step.ADVICE, "AGREED", "Eens"))
                .isEmpty();
        List<Entry> against = List.of(declined.get(0), entry("DPIA", Step.ADVICE, "DISAGREED", "fg"));
        assertThat(TriageChoices.refusal(dpia, CHOICE, against, Step.FINAL, "DECLINE", ""))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("deviation"));
        assertThat(TriageChoices.refusal(dpia, CHOICE, against, Step.FINAL, "START", null))
                .isEmpty();
    }

    @Test
    void onlyTheNextStepOfAnOpenChoiceWithOneOfItsAnswersIsAccepted() {
        AssessmentType iama = AssessmentType.IAMA;
        assertThat(TriageChoices.refusal(iama, Optional.of(RUN), List.of(), Step.CHOICE, "DECLINE", "x"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("required by law"));
        assertThat(TriageChoices.refusal(iama, Optional.of(NONE), List.of(), Step.CHOICE, "START", null))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("neither required nor recommended"));
        assertThat(TriageChoices.refusal(iama, Optional.empty(), List.of(), Step.CHOICE, "START", null))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("not decided"));
        assertThat(TriageChoices.refusal(iama, CHOICE, List.of(), Step.ADVICE, "AGREED", "x"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("waits for step CHOICE"));
        List<Entry> started = List.of(entry("IAMA", Step.CHOICE, "START", "lead"));
        assertThat(TriageChoices.refusal(iama, CHOICE, started, Step.CHOICE, "DECLINE", "x"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("waits for no step"));
        assertThat(TriageChoices.refusal(iama, CHOICE, List.of(), Step.CHOICE, "MAYBE", "x"))
                .hasValueSatisfying(p -> assertThat(p.part()).isEqualTo(Part.OUTCOME));
        assertThat(TriageChoices.refusal(iama, CHOICE, List.of(), Step.CHOICE, null, "x"))
                .hasValueSatisfying(p -> assertThat(p.part()).isEqualTo(Part.OUTCOME));
        List<Entry> declined = List.of(entry("IAMA", Step.CHOICE, "DECLINE", "lead"));
        assertThat(TriageChoices.refusal(iama, CHOICE, declined, Step.ADVICE, "START", "x"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("AGREED"));
    }

    @Test
    void theExceptionIsReviewedOnceWhenTheTriageAppliedIt() {
        Map<String, Object> exception = Map.of("aiActClass", "EXCEPTION_ART_6_3");
        assertThat(TriageChoices.exceptionApplied(exception)).isTrue();
        assertThat(TriageChoices.exceptionApplied(Map.of("aiActClass", "HIGH_RISK_ANNEX_III")))
                .isFalse();
        assertThat(TriageChoices.reviewRefusal(exception, List.of(), "AGREED")).isEmpty();
        assertThat(TriageChoices.reviewRefusal(exception, List.of(), " DISAGREED "))
                .isEmpty();
        assertThat(TriageChoices.reviewRefusal(exception, List.of(), "MAYBE")).isPresent();
        assertThat(TriageChoices.reviewRefusal(exception, List.of(), null)).isPresent();
        assertThat(TriageChoices.reviewRefusal(Map.of("aiActClass", "MINIMAL"), List.of(), "AGREED"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("did not apply"));
        assertThat(TriageChoices.reviewRefusal(
                        exception, List.of(entry("ART_6_3", Step.REVIEW, "AGREED", "fg")), "AGREED"))
                .hasValueSatisfying(p -> assertThat(p.message()).contains("already reviewed"));
    }

    @Test
    void aDeclineCountsOnlyWithTheAdviceOfAMemberWhoIsNoPartyAndDidNotDecline() {
        List<Entry> steps =
                List.of(entry("DPIA", Step.CHOICE, "DECLINE", "lead"), entry("DPIA", Step.ADVICE, "AGREED", "fg"));
        assertThat(TriageChoices.declineProblems(
                        AssessmentType.DPIA,
                        steps,
                        (u, g) -> u.equals("fg") && g.equals("privacy-officer"),
                        u -> Optional.empty()))
                .isEmpty();
        assertThat(TriageChoices.declineProblems(AssessmentType.DPIA, steps, (u, g) -> false, u -> Optional.empty()))
                .singleElement()
                .asString()
                .contains("not a member of group 'privacy-officer'");
        assertThat(TriageChoices.declineProblems(
                        AssessmentType.DPIA, steps, (u, g) -> true, u -> Optional.of("owns the system")))
                .singleElement()
                .asString()
                .contains("owns the system");
        List<Entry> self =
                List.of(entry("IAMA", Step.CHOICE, "DECLINE", "both"), entry("IAMA", Step.ADVICE, "AGREED", "both"));
        assertThat(TriageChoices.declineProblems(AssessmentType.IAMA, self, (u, g) -> true, u -> Optional.empty()))
                .singleElement()
                .asString()
                .contains("both declined the IAMA and advised on it");
    }

    @Test
    void theAdviserWhoAdvisedAgainstADeclineDoesNotTakeTheFinalDecisionToDeclineAnyway() {
        List<Entry> advised =
                List.of(entry("DPIA", Step.CHOICE, "DECLINE", "lead"), entry("DPIA", Step.ADVICE, "DISAGREED", "fg"));
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.FINAL, " DECLINE ", "fg"))
                .hasValueSatisfying(m -> assertThat(m).contains("fg advised on declining the DPIA"));
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.FINAL, "DECLINE", "lead"))
                .isEmpty();
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.FINAL, "START", "fg"))
                .as("starting after all follows the advice")
                .isEmpty();
        // The rule that was there: whoever declined does not advise on it.
        assertThat(TriageChoices.dutyConflict(
                        AssessmentType.DPIA, advised.subList(0, 1), Step.ADVICE, "AGREED", "lead"))
                .hasValueSatisfying(m -> assertThat(m).contains("may not advise"));
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised.subList(0, 1), Step.ADVICE, "AGREED", "fg"))
                .isEmpty();

        // A decline recorded that way (before this rule) does not count for go-live.
        List<Entry> recorded = List.of(
                entry("DPIA", Step.CHOICE, "DECLINE", "lead"),
                entry("DPIA", Step.ADVICE, "DISAGREED", "fg"),
                entry("DPIA", Step.FINAL, "DECLINE", "fg"));
        assertThat(TriageChoices.declineProblems(AssessmentType.DPIA, recorded, (u, g) -> true, u -> Optional.empty()))
                .singleElement()
                .asString()
                .contains("fg advised on declining the DPIA and declined it finally");
    }

    @Test
    void onlyTheAdviceAndTheFinalDecisionToDeclineAreGuardedAgainstTheEarlierStep() {
        List<Entry> advised =
                List.of(entry("DPIA", Step.CHOICE, "DECLINE", "lead"), entry("DPIA", Step.ADVICE, "DISAGREED", "fg"));
        // The owner's choice and the review of the exception are not the final decision, whatever their answer says.
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.CHOICE, "DECLINE", "fg"))
                .isEmpty();
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.REVIEW, " DECLINE ", "fg"))
                .isEmpty();
        // A final step without an answer is refused by refusal() for its answer, not here (and does not fail).
        assertThat(TriageChoices.dutyConflict(AssessmentType.DPIA, advised, Step.FINAL, null, "fg"))
                .isEmpty();
    }

    /** A decline of the DPIA whose advisers are all members and no party. */
    private static List<String> problemsOf(List<Entry> steps) {
        return TriageChoices.declineProblems(AssessmentType.DPIA, steps, (u, g) -> true, u -> Optional.empty());
    }

    @Test
    void anAdviserWhoFinallyStartsOrOnlyReviewsDoesNotSpoilTheDecline() {
        List<Entry> started = List.of(
                entry("DPIA", Step.CHOICE, "DECLINE", "lead"),
                entry("DPIA", Step.ADVICE, "DISAGREED", "fg"),
                entry("DPIA", Step.FINAL, "START", "fg"));
        assertThat(problemsOf(started))
                .as("starting after all is no final decision to decline")
                .isEmpty();
        List<Entry> reviewed = List.of(
                entry("DPIA", Step.CHOICE, "DECLINE", "lead"),
                entry("DPIA", Step.ADVICE, "AGREED", "fg"),
                entry("DPIA", Step.REVIEW, "DECLINE", "fg"));
        assertThat(problemsOf(reviewed))
                .as("only a FINAL step is read as the final decision")
                .isEmpty();
        List<Entry> byOwner = List.of(
                entry("DPIA", Step.CHOICE, "DECLINE", "lead"),
                entry("DPIA", Step.ADVICE, "DISAGREED", "fg"),
                entry("DPIA", Step.FINAL, "DECLINE", "lead"));
        assertThat(problemsOf(byOwner))
                .as("the owner may decline against the advice")
                .isEmpty();
    }
}
