package nl.waarborg.assessment;

import static nl.waarborg.assessment.GoLiveInvariant.ALDERMAN_DECISION;
import static nl.waarborg.assessment.GoLiveInvariant.ETHICS_COMMITTEE_ADVICE;
import static nl.waarborg.assessment.GoLiveInvariant.PRIVACY_OFFICER_ADVICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.Test;

/** The invariant of ADR 0014 and the segregation of duties, as plain rules (no database, no engine). */
class GoLiveInvariantTest {

    static final String HASH = "a".repeat(64);
    static final String OTHER_HASH = "b".repeat(64);
    static final Map<String, String> GROUPS =
            Map.of("fg", "privacy-officer", "ethics", "ethics-committee", "alderman", "alderman");
    static final BiPredicate<String, String> MEMBERS = (user, group) -> group.equals(GROUPS.get(user));
    static final SystemParties PARTIES = new SystemParties("owner", Set.of(), "starter", "triager", Set.of("writer"));

    static Signature signed(String gate, String decision, String user, String hash) {
        return new Signature(
                gate, decision, "Motivering", null, null, user, Instant.parse("2026-01-01T00:00:00Z"), hash, null);
    }

    static List<Signature> iamaSignatures() {
        return new ArrayList<>(List.of(
                signed(PRIVACY_OFFICER_ADVICE, "APPROVED", "fg", HASH),
                signed(ETHICS_COMMITTEE_ADVICE, "REJECTED", "ethics", HASH),
                signed(ALDERMAN_DECISION, "APPROVED", "alderman", HASH)));
    }

    static Map<String, Object> outcome(boolean iama, boolean dpia) {
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("triageStop", false);
        outcome.put("iamaRequired", iama);
        outcome.put("dpiaRequired", dpia);
        return outcome;
    }

    static GoLiveInvariant.Facts iamaFacts(GoLiveInvariant.VersionFacts version) {
        return new GoLiveInvariant.Facts(
                2, outcome(true, false), version == null ? Map.of() : Map.of(AssessmentType.IAMA, version), PARTIES);
    }

    static GoLiveInvariant.VersionFacts approved(List<Signature> signatures) {
        return new GoLiveInvariant.VersionFacts(3, VersionStatus.APPROVED, HASH, true, signatures);
    }

    static List<String> violations(GoLiveInvariant.Facts facts) {
        return GoLiveInvariant.violations(facts, MEMBERS);
    }

    @Test
    void anApprovedAdvisedAndDecidedIamaOnTheSignedContentMayGoLive() {
        assertThat(violations(iamaFacts(approved(iamaSignatures())))).isEmpty();
    }

    @Test
    void aTriageThatRequiresNothingNeedsNoAssessment() {
        assertThat(violations(new GoLiveInvariant.Facts(1, outcome(false, false), Map.of(), PARTIES)))
                .isEmpty();
    }

    @Test
    void noRoundNoTriageOrAnUndecidedTriageIsRefused() {
        assertThat(violations(new GoLiveInvariant.Facts(null, null, Map.of(), null)))
                .singleElement()
                .asString()
                .contains("no assessment cycle");
        assertThat(violations(new GoLiveInvariant.Facts(4, null, Map.of(), PARTIES)))
                .singleElement()
                .asString()
                .contains("round 4 has no triage outcome");
        Map<String, Object> undecided = outcome(true, false);
        undecided.remove("dpiaRequired");
        assertThat(violations(new GoLiveInvariant.Facts(
                        1, undecided, Map.of(AssessmentType.IAMA, approved(iamaSignatures())), PARTIES)))
                .singleElement()
                .asString()
                .contains("does not say whether a DPIA is required");
        Map<String, Object> stopped = outcome(false, false);
        stopped.put("triageStop", true);
        assertThat(violations(new GoLiveInvariant.Facts(1, stopped, Map.of(), PARTIES)))
                .singleElement()
                .asString()
                .contains("stopped");
    }

    @Test
    void aRequiredAssessmentWithoutVersionOrNotApprovedIsRefused() {
        assertThat(violations(iamaFacts(null))).singleElement().asString().contains("IAMA of round 2 has no version");
        List<Signature> advisedOnly = iamaSignatures().subList(0, 2);
        assertThat(violations(iamaFacts(
                        new GoLiveInvariant.VersionFacts(3, VersionStatus.IN_REVIEW, HASH, false, advisedOnly))))
                .anySatisfy(v -> assertThat(v).contains("is IN_REVIEW, not approved"))
                .anySatisfy(v -> assertThat(v).contains("no approving decision of the alderman"))
                .anySatisfy(v -> assertThat(v).contains("does not match its recorded content hash"));
        // A DPIA that the triage requires is checked as well, with its own (single) advice gate.
        GoLiveInvariant.Facts both = new GoLiveInvariant.Facts(
                2, outcome(true, true), Map.of(AssessmentType.IAMA, approved(iamaSignatures())), PARTIES);
        assertThat(violations(both)).singleElement().asString().contains("DPIA of round 2 has no version");
    }

    @Test
    void missingOrSentBackAdviceIsRefusedAndAnAldermanRejectionIsNoApproval() {
        List<Signature> noEthics = new ArrayList<>(iamaSignatures());
        noEthics.remove(1);
        assertThat(violations(iamaFacts(approved(noEthics))))
                .singleElement()
                .asString()
                .contains("ethics-committee-advice has not advised");
        List<Signature> sentBackLast = iamaSignatures();
        sentBackLast.add(signed(PRIVACY_OFFICER_ADVICE, "SENT_BACK", "fg", HASH));
        assertThat(violations(iamaFacts(approved(sentBackLast))))
                .singleElement()
                .asString()
                .contains("privacy-officer-advice has not advised");
        List<Signature> rejected = iamaSignatures();
        rejected.set(2, signed(ALDERMAN_DECISION, "REJECTED", "alderman", HASH));
        assertThat(violations(iamaFacts(approved(rejected))))
                .singleElement()
                .asString()
                .contains("no approving decision");
    }

    @Test
    void signaturesOnOtherContentAreRefusedNamingWhoSawWhat() {
        List<Signature> oldAdvice = iamaSignatures();
        oldAdvice.set(0, signed(PRIVACY_OFFICER_ADVICE, "APPROVED", "fg", OTHER_HASH));
        oldAdvice.set(2, signed(ALDERMAN_DECISION, "APPROVED", "alderman", null));
        assertThat(violations(iamaFacts(approved(oldAdvice))))
                .anySatisfy(v -> assertThat(v).contains("privacy-officer-advice (fg) advised on content bbbbbbbbbbbb"))
                .anySatisfy(v -> assertThat(v).contains("the alderman (alderman) decided on content (not recorded)"))
                .hasSize(2);
        assertThat(GoLiveInvariant.adviceNotOn(AssessmentType.DPIA, oldAdvice, HASH))
                .singleElement()
                .asString()
                .contains("privacy-officer-advice (fg)");
        assertThat(GoLiveInvariant.adviceNotOn(AssessmentType.IAMA, iamaSignatures(), HASH))
                .isEmpty();
    }

    @Test
    void signersMustBeEntitledWithoutConflictAndSignOneGateEach() {
        List<Signature> wrong = iamaSignatures();
        wrong.set(0, signed(PRIVACY_OFFICER_ADVICE, "APPROVED", "ethics", HASH));
        assertThat(violations(iamaFacts(approved(wrong))))
                .anySatisfy(v -> assertThat(v)
                        .contains(
                                "ethics signed privacy-officer-advice but is not a member of group 'privacy-officer'"))
                .anySatisfy(v -> assertThat(v)
                        .contains("ethics signed both privacy-officer-advice and ethics-committee-advice"));
        for (String party : List.of("owner", "starter", "triager", "writer")) {
            List<Signature> conflicted = iamaSignatures();
            conflicted.set(2, signed(ALDERMAN_DECISION, "APPROVED", party, HASH));
            BiPredicate<String, String> partyIsAlderman =
                    (user, group) -> MEMBERS.test(user, group) || party.equals(user);
            assertThat(GoLiveInvariant.violations(iamaFacts(approved(conflicted)), partyIsAlderman))
                    .as(party)
                    .singleElement()
                    .asString()
                    .contains(party + " signed alderman-decision but");
        }
    }

    @Test
    void partiesNameTheirConflict() {
        assertThat(PARTIES.conflictOf("owner")).hasValue("owns the system");
        assertThat(PARTIES.conflictOf("starter")).hasValue("started the system's assessment cycle");
        assertThat(PARTIES.conflictOf("triager")).hasValue("filled in the system's triage of this round");
        assertThat(PARTIES.conflictOf("writer"))
                .hasValueSatisfying(r -> assertThat(r).contains("filled in content"));
        assertThat(PARTIES.conflictOf(" ")).isPresent();
        assertThat(PARTIES.conflictOf("alderman")).isEmpty();
        assertThat(new SystemParties("owner", null, null, null, null).conflictOf("alderman"))
                .isEmpty();
    }

    @Test
    void aCoAuthorOfTheRoundMayNotDecideEvenWhenInTheAldermansGroup() {
        // Built here, not shared: PIT changes SystemParties after a shared constant was built, which then hides it.
        SystemParties parties = new SystemParties("owner", Set.of(), "starter", "triager", Set.of("co-author"));
        assertThat(parties.conflictOf("co-author"))
                .hasValue("filled in content of this system's assessments in this round");
        List<Signature> signatures = iamaSignatures();
        signatures.set(2, signed(ALDERMAN_DECISION, "APPROVED", "co-author", HASH));
        GoLiveInvariant.Facts facts = new GoLiveInvariant.Facts(
                2, outcome(true, false), Map.of(AssessmentType.IAMA, approved(signatures)), parties);
        assertThat(GoLiveInvariant.violations(
                        facts, (user, group) -> MEMBERS.test(user, group) || "co-author".equals(user)))
                .singleElement()
                .asString()
                .contains("co-author signed alderman-decision but filled in content");
    }

    @Test
    void aCoAuthorWhoWroteNothingMayNotSignWhileInTheTeam() {
        SystemParties parties = new SystemParties("owner", Set.of("silent"), "starter", "triager", Set.of());
        assertThat(parties.conflictOf("silent")).hasValue("is a co-author of the system");
        assertThat(parties.conflictOf("alderman")).isEmpty();
        List<Signature> signatures = iamaSignatures();
        signatures.set(2, signed(ALDERMAN_DECISION, "APPROVED", "silent", HASH));
        GoLiveInvariant.Facts facts = new GoLiveInvariant.Facts(
                2, outcome(true, false), Map.of(AssessmentType.IAMA, approved(signatures)), parties);
        assertThat(GoLiveInvariant.violations(
                        facts, (user, group) -> MEMBERS.test(user, group) || "silent".equals(user)))
                .singleElement()
                .asString()
                .contains("silent signed alderman-decision but is a co-author of the system");
    }

    @Test
    void aSignerWhoIsNotIdentifiedAlwaysHasAConflict() {
        // Fail closed: without a user no one can tell whether the signer is a party of the round.
        assertThat(PARTIES.conflictOf(null)).hasValue("is not identified");
        assertThat(PARTIES.conflictOf("")).hasValue("is not identified");
    }
}
