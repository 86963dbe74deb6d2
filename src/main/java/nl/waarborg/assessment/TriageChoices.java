package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import nl.waarborg.identity.Groups;

/**
 * What follows the triage, as a plain rule (ADR 0030): which assessments the owner may choose to start or decline,
 * who advises on a decline, which step comes next, and what a recorded decline must hold to count. The same rule for
 * the privacy officer's review of the Art. 6(3) exception. {@link TriageDecisions} records the steps; the cycle's
 * listeners and {@link GoLiveInvariant} call this class.
 *
 * <p>An assessment is left to a choice when the triage recommends it (GDPR Art. 35(1) with one WP248 criterion, AI Act
 * Art. 26(9) and 27(4); the IAMA where no law requires it), or when the DPIA is required on the count of WP248
 * criteria alone, which the controller may rebut with documented reasons. A decline needs reasons and the advice of
 * the privacy officer (DPIA: GDPR Art. 35(2), 39(1)(c)) or the ethics committee (IAMA); after advice against the
 * decline the owner decides again, and declining anyway needs a motivation of the deviation.
 */
public final class TriageChoices {

    /** What the triage leaves to the owner for one assessment. */
    public enum Option {
        /** Required by law: the round runs it. */
        RUN,
        /** Recommended, or required on WP248 criteria alone: start it, or decline with reasons and advice. */
        CHOOSE,
        /** Not required and not recommended. */
        NONE
    }

    /** One recorded step: the owner's choice, the advice on a decline, the owner's decision after that advice. */
    public enum Step {
        CHOICE,
        ADVICE,
        FINAL,
        /** The privacy officer's review of the reasons for the Art. 6(3) exception. */
        REVIEW
    }

    /** Where the choice of one assessment stands after the recorded steps. */
    public enum Status {
        OPEN,
        RUNS,
        AWAITING_ADVICE,
        AWAITING_DECISION,
        DECLINED
    }

    /** Which part of a submission is at fault. */
    public enum Part {
        OUTCOME,
        TEXT
    }

    public static final String START = "START";
    public static final String DECLINE = "DECLINE";
    public static final String AGREED = "AGREED";
    public static final String DISAGREED = "DISAGREED";
    /** The subject of the review of the exception (the other subjects are the assessment types). */
    public static final String ART_6_3 = "ART_6_3";

    public static final String EXCEPTION_CLASS = "EXCEPTION_ART_6_3";

    /** One step as recorded (oldest first): subject DPIA, IAMA or ART_6_3. */
    public record Entry(String subject, Step step, String outcome, String text, String user) {}

    /** Why a submission is refused. */
    public record Problem(Part part, String message) {}

    private TriageChoices() {}

    /** What the triage outcome leaves to the owner for this assessment; empty when the outcome does not say. */
    public static Optional<Option> option(AssessmentType type, Map<String, Object> outcome) {
        String prefix = type.name().toLowerCase();
        Object advice = outcome.get(prefix + "Advice");
        if ("REQUIRED".equals(advice)) {
            boolean rebuttable = type == AssessmentType.DPIA && Boolean.TRUE.equals(outcome.get("dpiaRebuttable"));
            return Optional.of(rebuttable ? Option.CHOOSE : Option.RUN);
        }
        if ("RECOMMENDED".equals(advice)) {
            return Optional.of(Option.CHOOSE);
        }
        if ("NOT_REQUIRED".equals(advice)) {
            return Optional.of(Option.NONE);
        }
        // An outcome from before the advice outputs: only the required flag.
        Object required = outcome.get(prefix + "Required");
        return required instanceof Boolean b ? Optional.of(b ? Option.RUN : Option.NONE) : Optional.empty();
    }

    /** The reason shown with an assessment that an earlier round approved and this round's triage would not ask for. */
    public static final Map<AssessmentType, String> EARLIER_ROUND_REASON = Map.of(
            AssessmentType.DPIA,
            "Een eerdere ronde stelde voor dit systeem een DPIA vast. Ziet u er nu van af, leg dan de redenen vast;"
                    + " de FG adviseert daarover (aanbevolen; een DPIA wordt herzien als het risico verandert, art. 35"
                    + " lid 11 AVG).",
            AssessmentType.IAMA,
            "Een eerdere ronde stelde voor dit systeem een IAMA vast. Ziet u er nu van af, leg dan de redenen vast;"
                    + " de ethische commissie adviseert daarover (aanbevolen).");

    /**
     * The outcome of a later round's triage, given the assessments that earlier rounds of the system approved: an
     * approved assessment that this triage would not ask for at all becomes recommended, so that dropping it needs the
     * owner's reasons and the adviser's advice instead of passing unnoticed. The law does not oblige this (a DPIA is
     * reviewed when the risk changes, Art. 35(11) GDPR; the IAMA has no such rule), so it is a recommendation. A
     * stopped triage and an assessment the triage asks for already stay as they are.
     */
    public static Map<String, Object> afterEarlierRounds(
            Map<String, Object> outcome, java.util.Set<AssessmentType> approvedEarlier) {
        Map<String, Object> result = new java.util.LinkedHashMap<>(outcome);
        if (Boolean.TRUE.equals(outcome.get("triageStop"))) {
            return result;
        }
        for (AssessmentType type : approvedEarlier) {
            if (option(type, outcome).equals(Optional.of(Option.NONE))) {
                result.put(type.name().toLowerCase() + "Advice", "RECOMMENDED");
                if (type == AssessmentType.DPIA) {
                    result.put("dpiaRecommended", true);
                    result.put("dpiaGround", EARLIER_ROUND_REASON.get(type));
                } else {
                    result.put("iamaReason", EARLIER_ROUND_REASON.get(type));
                }
            }
        }
        return result;
    }

    /** Whether the triage applied the Art. 6(3) exception, which the privacy officer reviews before the class counts. */
    public static boolean exceptionApplied(Map<String, Object> outcome) {
        return EXCEPTION_CLASS.equals(outcome.get("aiActClass"));
    }

    /** The group that advises on declining this assessment. */
    public static String adviser(AssessmentType type) {
        return type == AssessmentType.DPIA ? Groups.PRIVACY_OFFICER : Groups.ETHICS_COMMITTEE;
    }

    /** The group that takes the step ({@link Step#REVIEW} is the privacy officer's). */
    public static String groupOf(String subject, Step step) {
        return switch (step) {
            case CHOICE, FINAL -> Groups.PROJECT_LEAD;
            case ADVICE -> adviser(AssessmentType.valueOf(subject));
            case REVIEW -> Groups.PRIVACY_OFFICER;
        };
    }

    /** The status after these steps of one assessment (oldest first). */
    public static Status status(List<Entry> entries) {
        Status status = Status.OPEN;
        for (Entry e : entries) {
            status = switch (e.step()) {
                case CHOICE, FINAL -> START.equals(e.outcome()) ? Status.RUNS : Status.AWAITING_ADVICE;
                case ADVICE -> AGREED.equals(e.outcome()) ? Status.DECLINED : Status.AWAITING_DECISION;
                case REVIEW -> status;
            };
            if (e.step() == Step.FINAL && DECLINE.equals(e.outcome())) {
                status = Status.DECLINED;
            }
        }
        return status;
    }

    /** The step the status waits for; empty when the choice is made. */
    public static Optional<Step> nextStep(Status status) {
        return switch (status) {
            case OPEN -> Optional.of(Step.CHOICE);
            case AWAITING_ADVICE -> Optional.of(Step.ADVICE);
            case AWAITING_DECISION -> Optional.of(Step.FINAL);
            case RUNS, DECLINED -> Optional.empty();
        };
    }

    /** Why this step of this assessment cannot be recorded as submitted; empty when it can. */
    public static Optional<Problem> refusal(
            AssessmentType type, Optional<Option> option, List<Entry> entries, Step step, String outcome, String text) {
        if (option.isEmpty() || option.get() != Option.CHOOSE) {
            return Optional.of(new Problem(
                    Part.OUTCOME,
                    "The triage of this round leaves no choice about the " + type + ": it is "
                            + option.map(o -> o == Option.RUN ? "required by law" : "neither required nor recommended")
                                    .orElse("not decided")
                            + "."));
        }
        Optional<Step> expected = nextStep(status(entries));
        if (expected.isEmpty() || expected.get() != step) {
            return Optional.of(new Problem(
                    Part.OUTCOME,
                    "The " + type + " waits for "
                            + expected.map(s -> "step " + s).orElse("no step") + ", not " + step + "."));
        }
        List<String> allowed = step == Step.ADVICE ? List.of(AGREED, DISAGREED) : List.of(START, DECLINE);
        if (outcome == null || !allowed.contains(outcome.trim())) {
            return Optional.of(new Problem(Part.OUTCOME, "The answer must be one of " + allowed + "."));
        }
        boolean textNeeded = step == Step.ADVICE || DECLINE.equals(outcome.trim());
        if (textNeeded && (text == null || text.isBlank())) {
            return Optional.of(new Problem(
                    Part.TEXT,
                    switch (step) {
                        case CHOICE -> "Declining the " + type + " needs the reasons why it is not carried out.";
                        case ADVICE -> "The advice on declining the " + type + " needs a motivation.";
                        default -> "Declining the " + type + " against the advice needs a motivation of the deviation.";
                    }));
        }
        return Optional.empty();
    }

    /**
     * Segregation of duties within one decline (ADR 0030, 0043): whoever declined does not advise on that decline, and
     * whoever advised on it does not take the final decision to decline anyway. Empty when {@code user} may take the
     * step.
     */
    public static Optional<String> dutyConflict(
            AssessmentType type, List<Entry> entries, Step step, String outcome, String user) {
        Step earlier = step == Step.ADVICE ? Step.CHOICE : Step.ADVICE;
        boolean guarded =
                step == Step.ADVICE || (step == Step.FINAL && outcome != null && DECLINE.equals(outcome.trim()));
        if (!guarded || entries.stream().noneMatch(e -> e.step() == earlier && Objects.equals(user, e.user()))) {
            return Optional.empty();
        }
        return Optional.of(
                step == Step.ADVICE
                        ? user + " declined the " + type + " and may not advise on that decline."
                        : user + " advised on declining the " + type + " and may not take the final decision to"
                                + " decline it.");
    }

    /** Why the privacy officer's review of the Art. 6(3) exception cannot be recorded; empty when it can. */
    public static Optional<Problem> reviewRefusal(Map<String, Object> outcome, List<Entry> reviews, String answer) {
        if (!exceptionApplied(outcome)) {
            return Optional.of(new Problem(Part.OUTCOME, "The triage of this round did not apply Art. 6(3)."));
        }
        if (!reviews.isEmpty()) {
            return Optional.of(new Problem(Part.OUTCOME, "The exception of this round was already reviewed."));
        }
        if (answer == null || !List.of(AGREED, DISAGREED).contains(answer.trim())) {
            return Optional.of(new Problem(Part.OUTCOME, "The answer must be one of [AGREED, DISAGREED]."));
        }
        return Optional.empty();
    }

    /**
     * What keeps a recorded decline from counting for go-live: an advice by someone outside the adviser group, by a
     * party of the round, or by the person who declined. Empty when the decline stands (status DECLINED, checked by the
     * caller).
     */
    public static List<String> declineProblems(
            AssessmentType type,
            List<Entry> entries,
            BiPredicate<String, String> isMember,
            Function<String, Optional<String>> conflictOf) {
        List<String> problems = new ArrayList<>();
        String decliner = null;
        java.util.Set<String> advisers = new java.util.HashSet<>();
        for (Entry e : entries) {
            if (e.step() == Step.CHOICE) {
                // refusal() records an ADVICE only after a CHOICE to decline, so the choice before an advice is
                // the decline (a choice to start has no advice after it).
                decliner = e.user();
            } else if (e.step() == Step.ADVICE) {
                String group = adviser(type);
                if (!isMember.test(e.user(), group)) {
                    problems.add(e.user() + " advised on declining the " + type + " but is not a member of group '"
                            + group + "'");
                }
                conflictOf
                        .apply(e.user())
                        .ifPresent(reason ->
                                problems.add(e.user() + " advised on declining the " + type + " but " + reason));
                if (Objects.equals(e.user(), decliner)) {
                    problems.add(e.user() + " both declined the " + type + " and advised on it");
                }
                advisers.add(e.user());
            } else if (e.step() == Step.FINAL && DECLINE.equals(e.outcome()) && advisers.contains(e.user())) {
                problems.add(e.user() + " advised on declining the " + type + " and declined it finally");
            }
        }
        return problems;
    }
}
