package nl.waarborg.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * The invariant of ADR 0014, as a plain rule: a system enters Implement, Evaluate or "in use" only when every
 * assessment that the triage of its current round requires has a version of that round that is approved by the
 * alderman, advised by the privacy officer (and for the IAMA the ethics committee), each signature by a member of the
 * gate's group without a conflict of duties, and each on the answers the version holds now. {@link GoLiveFacts} reads
 * the facts; {@link #violations} says what is missing, empty when the system may go on. A recommended assessment counts
 * when it was done like a required one or declined with reasons and advice, and the Art. 6(3) exception only after the
 * privacy officer's review ({@link TriageChoices}, ADR 0030).
 */
public final class GoLiveInvariant {

    /** The gates' task ids, from the one list of gates. */
    public static final String PRIVACY_OFFICER_ADVICE = Gate.PRIVACY_OFFICER_ADVICE.taskId();

    public static final String ETHICS_COMMITTEE_ADVICE = Gate.ETHICS_COMMITTEE_ADVICE.taskId();
    public static final String ALDERMAN_DECISION = Gate.ALDERMAN_DECISION.taskId();

    private GoLiveInvariant() {}

    /** The group whose members may sign the gate. */
    static String groupOf(String gate) {
        return Gate.ofTask(gate).map(Gate::candidateGroup).orElse(null);
    }

    /**
     * What the rule judges: the current round, its triage outcome (null if none), the round's latest versions, its
     * parties and the steps after its triage. Without a round (null) the other facts are not read, so the parties may
     * be null.
     */
    public record Facts(
            Integer round,
            Map<String, Object> triageOutcome,
            Map<AssessmentType, VersionFacts> versions,
            SystemParties parties,
            List<TriageChoices.Entry> decisions) {

        public Facts {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }

        /** Facts of a round without steps after the triage (no choice, no review recorded). */
        public Facts(
                Integer round,
                Map<String, Object> triageOutcome,
                Map<AssessmentType, VersionFacts> versions,
                SystemParties parties) {
            this(round, triageOutcome, versions, parties, List.of());
        }
    }

    /** The latest version of an assessment in the round, with the hash of its answers now and its signatures. */
    public record VersionFacts(
            int number,
            VersionStatus status,
            String answersHash,
            boolean contentHashIntact,
            List<Signature> signatures) {}

    /** The advice gates an assessment of this type needs before the alderman decides. */
    public static List<String> adviceGates(AssessmentType type) {
        return type == AssessmentType.IAMA
                ? List.of(PRIVACY_OFFICER_ADVICE, ETHICS_COMMITTEE_ADVICE)
                : List.of(PRIVACY_OFFICER_ADVICE);
    }

    /** The latest signature per gate (signatures come oldest first; a later round of review replaces an earlier one). */
    static Map<String, Signature> latestPerGate(List<Signature> signatures) {
        Map<String, Signature> latest = new LinkedHashMap<>();
        signatures.forEach(s -> latest.put(s.gate(), s));
        return latest;
    }

    /**
     * The advice that does not cover the answers as they are now: a missing or sent-back advice, or one given on other
     * answers. Empty when every advice gate of the type advised on exactly {@code answersHash}.
     */
    public static List<String> adviceNotOn(AssessmentType type, List<Signature> signatures, String answersHash) {
        Map<String, Signature> latest = latestPerGate(signatures);
        List<String> problems = new ArrayList<>();
        for (String gate : adviceGates(type)) {
            Signature advice = latest.get(gate);
            if (advice == null || Decision.SENT_BACK.is(advice.decision())) {
                problems.add(gate + " has not advised on the current content");
            } else if (!answersHash.equals(advice.answersHash())) {
                problems.add(gate + " (" + advice.user() + ") advised on content " + shortHash(advice.answersHash()));
            }
        }
        return problems;
    }

    public static List<String> violations(Facts facts, BiPredicate<String, String> isMember) {
        if (facts.round() == null) {
            return List.of("the system has no assessment cycle round with a triage");
        }
        Map<String, Object> outcome = facts.triageOutcome();
        if (outcome == null || outcome.isEmpty()) {
            return List.of("round " + facts.round() + " has no triage outcome");
        }
        if (Boolean.TRUE.equals(outcome.get("triageStop"))) {
            return List.of("the triage of round " + facts.round() + " stopped the system");
        }
        List<String> problems = new ArrayList<>();
        if (TriageChoices.exceptionApplied(outcome)) {
            problems.addAll(reviewViolations(facts, isMember));
        }
        for (AssessmentType type : AssessmentType.values()) {
            Optional<TriageChoices.Option> option = TriageChoices.option(type, outcome);
            if (option.isEmpty()) {
                problems.add("the triage of round " + facts.round() + " does not say whether a"
                        + (type == AssessmentType.IAMA ? "n " : " ") + type + " is required");
            } else if (option.get() == TriageChoices.Option.RUN) {
                problems.addAll(versionViolations(type, facts, isMember));
            } else if (option.get() == TriageChoices.Option.CHOOSE) {
                problems.addAll(choiceViolations(type, facts, isMember));
            }
        }
        return problems;
    }

    /**
     * A recommended (or rebuttable) assessment counts when it was done and signed like a required one, or declined with
     * reasons and the advice of its adviser group (ADR 0030).
     */
    private static List<String> choiceViolations(
            AssessmentType type, Facts facts, BiPredicate<String, String> isMember) {
        List<TriageChoices.Entry> entries = facts.decisions().stream()
                .filter(e -> e.subject().equals(type.name()))
                .toList();
        if (TriageChoices.status(entries) == TriageChoices.Status.DECLINED) {
            return TriageChoices.declineProblems(type, entries, isMember, facts.parties()::conflictOf).stream()
                    .map(p -> type + " of round " + facts.round() + ": " + p)
                    .toList();
        }
        if (facts.versions().get(type) == null) {
            return List.of(type + " of round " + facts.round() + " is recommended but has no version, and it was not"
                    + " declined with the advice of group '" + TriageChoices.adviser(type) + "'");
        }
        return versionViolations(type, facts, isMember);
    }

    /** The Art. 6(3) exception counts only after the privacy officer reviewed its reasons and agreed (ADR 0030). */
    private static List<String> reviewViolations(Facts facts, BiPredicate<String, String> isMember) {
        List<TriageChoices.Entry> reviews = facts.decisions().stream()
                .filter(e -> e.step() == TriageChoices.Step.REVIEW)
                .toList();
        String name = "the Art. 6(3) exception of round " + facts.round();
        if (reviews.isEmpty()) {
            return List.of(name + " has not been reviewed by the privacy officer");
        }
        TriageChoices.Entry review = reviews.get(reviews.size() - 1);
        List<String> problems = new ArrayList<>();
        if (!TriageChoices.AGREED.equals(review.outcome())) {
            problems.add(name + " is still applied although the privacy officer did not agree with it");
        }
        String group = TriageChoices.groupOf(TriageChoices.ART_6_3, TriageChoices.Step.REVIEW);
        if (!isMember.test(review.user(), group)) {
            problems.add(name + " was reviewed by " + review.user() + ", who is not a member of group '" + group + "'");
        }
        facts.parties()
                .conflictOf(review.user())
                .ifPresent(reason -> problems.add(name + " was reviewed by " + review.user() + ", who " + reason));
        return problems;
    }

    private static List<String> versionViolations(
            AssessmentType type, Facts facts, BiPredicate<String, String> isMember) {
        String name = type + " of round " + facts.round();
        VersionFacts version = facts.versions().get(type);
        if (version == null) {
            return List.of(name + " has no version");
        }
        String label = name + " (version " + version.number() + ")";
        List<String> problems = new ArrayList<>();
        if (version.status() != VersionStatus.APPROVED) {
            problems.add(label + " is " + version.status() + ", not approved by the alderman");
        }
        if (!version.contentHashIntact()) {
            problems.add(label + " does not match its recorded content hash");
        }
        adviceNotOn(type, version.signatures(), version.answersHash()).forEach(p -> problems.add(label + ": " + p));
        Map<String, Signature> latest = latestPerGate(version.signatures());
        Signature decision = latest.get(ALDERMAN_DECISION);
        if (decision == null || !Decision.approves(decision.decision())) {
            problems.add(label + " has no approving decision of the alderman");
        } else if (!version.answersHash().equals(decision.answersHash())) {
            problems.add(label + ": the alderman (" + decision.user() + ") decided on content "
                    + shortHash(decision.answersHash()));
        }
        Map<String, String> gateOfSigner = new HashMap<>();
        for (String gate : gatesOf(type)) {
            Signature s = latest.get(gate);
            if (s == null) {
                continue;
            }
            if (!isMember.test(s.user(), groupOf(gate))) {
                problems.add(label + ": " + s.user() + " signed " + gate + " but is not a member of group '"
                        + groupOf(gate) + "'");
            }
            facts.parties()
                    .conflictOf(s.user())
                    .ifPresent(reason -> problems.add(label + ": " + s.user() + " signed " + gate + " but " + reason));
            String other = gateOfSigner.putIfAbsent(s.user(), gate);
            if (other != null) {
                problems.add(label + ": " + s.user() + " signed both " + other + " and " + gate);
            }
        }
        return problems;
    }

    private static List<String> gatesOf(AssessmentType type) {
        List<String> gates = new ArrayList<>(adviceGates(type));
        gates.add(ALDERMAN_DECISION);
        return gates;
    }

    /** The first twelve characters of a hash, enough to tell two contents apart in a message. */
    public static String shortHash(String hash) {
        return hash == null ? "(not recorded)" : hash.substring(0, Math.min(12, hash.length()));
    }
}
