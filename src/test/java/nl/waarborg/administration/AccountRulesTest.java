package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarborg.administration.AdministrationRefusal.Code;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

    private static final int MAX_TEXT = AccountRules.MAX_TEXT;

    private static void refused(ThrowingCallable call, Code code, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(AdministrationRefusal.class, refusal -> {
            assertThat(refusal.code()).isEqualTo(code);
            assertThat(refusal.field()).isEqualTo(field);
        });
    }

    /** One rule for every administrator's action: accounts, groups, settings and stuck work alike. */
    @Test
    void aReasonIsRequiredTrimmedAndBounded() {
        refused(() -> Reasons.required(null), Code.REASON_REQUIRED, "reason");
        refused(() -> Reasons.required("  "), Code.REASON_REQUIRED, "reason");
        refused(() -> Reasons.required(" \n\t"), Code.REASON_REQUIRED, "reason");
        assertThat(Reasons.required(" nieuwe medewerker ")).isEqualTo("nieuwe medewerker");
        String longest = "x".repeat(Reasons.MAX);
        assertThat(Reasons.MAX).isEqualTo(2000);
        assertThat(Reasons.required(" " + longest + " ")).isEqualTo(longest);
        refused(() -> Reasons.required(longest + "y"), Code.REASON_TOO_LONG, "reason");
        assertThatThrownBy(() -> Reasons.required("")).hasMessageContaining("'reason'");
        assertThat(new AdministrationRefusal(Code.REASON_REQUIRED, "x")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void userIdsFollowTheIdentityStoresPattern() {
        assertThat(AccountRules.userId("j.de-vries_2")).isEqualTo("j.de-vries_2");
        for (String bad : new String[] {null, "", "-x", "met spatie", "a/b", "x".repeat(65), "ö"}) {
            refused(() -> AccountRules.userId(bad), Code.ID_INVALID, "id");
        }
        assertThat(AccountRules.userId("x".repeat(64))).hasSize(64);
    }

    @Test
    void profileFieldsAreRequiredAndBounded() {
        refused(() -> AccountRules.firstName(" "), Code.FIRST_NAME_INVALID, "firstName");
        refused(() -> AccountRules.lastName("x".repeat(256)), Code.LAST_NAME_INVALID, "lastName");
        refused(() -> AccountRules.email("geen-adres"), Code.EMAIL_INVALID, "email");
        refused(() -> AccountRules.email(null), Code.EMAIL_INVALID, "email");
        assertThat(AccountRules.email(" jan@gemeente.example ")).isEqualTo("jan@gemeente.example");
        String longest = "j".repeat(MAX_TEXT - "@gemeente.nl".length()) + "@gemeente.nl";
        assertThat(AccountRules.email(longest)).isEqualTo(longest);
        refused(() -> AccountRules.email("j" + longest), Code.EMAIL_INVALID, "email");
        for (String bad : new String[] {null, "", "   "}) {
            refused(() -> AccountRules.firstName(bad), Code.FIRST_NAME_INVALID, "firstName");
            refused(() -> AccountRules.lastName(bad), Code.LAST_NAME_INVALID, "lastName");
        }
        assertThat(AccountRules.firstName(" Jan ")).isEqualTo("Jan");
        assertThat(AccountRules.lastName("de Vries")).isEqualTo("de Vries");
        assertThat(AccountRules.lastName("x".repeat(MAX_TEXT))).hasSize(MAX_TEXT);
        refused(() -> AccountRules.firstName("x".repeat(MAX_TEXT + 1)), Code.FIRST_NAME_INVALID, "firstName");
        // Names are one line: every mail to the person quotes them (a break would add a line of its own).
        for (String broken : new String[] {"\nFleur", "Fleur\r\nOpen de taak hier", "de\tVries", "de\u2028Vries"}) {
            refused(() -> AccountRules.firstName(broken), Code.FIRST_NAME_INVALID, "firstName");
            refused(() -> AccountRules.lastName(broken), Code.LAST_NAME_INVALID, "lastName");
        }
    }

    @Test
    void anAccountToUnlockIsALoginNameOfBoundedLength() {
        assertThat(AccountRules.account(" wethouder ")).isEqualTo("wethouder");
        assertThat(AccountRules.account("x".repeat(AccountRules.MAX_ID))).hasSize(AccountRules.MAX_ID);
        for (String bad : new String[] {null, "", "  ", "x".repeat(AccountRules.MAX_ID + 1)}) {
            refused(() -> AccountRules.account(bad), Code.ACCOUNT_INVALID, "account");
        }
    }

    @Test
    void passwordsFollowThePolicy() {
        refused(() -> AccountRules.password("kort", "jan"), Code.PASSWORD_POLICY, "password");
        refused(() -> AccountRules.password("jan.de.vries12", "jan.de.vries12"), Code.PASSWORD_POLICY, "password");
        assertThat(AccountRules.password("Paars-Fietspad-Molen-7", "jan")).isEqualTo("Paars-Fietspad-Molen-7");
    }

    @Test
    void onlyWaarborgsGroupsAndNotCamundasOwn() {
        assertThat(AccountRules.group("alderman")).isEqualTo("alderman");
        refused(() -> AccountRules.group("camunda-admin"), Code.UNKNOWN_GROUP, "groupId");
        refused(() -> AccountRules.group(null), Code.UNKNOWN_GROUP, "groupId");
    }

    @Test
    void nobodyGrantsThemself() {
        refused(() -> AccountRules.notSelf("admin", "admin"), Code.SELF_GRANT, "groupId");
        AccountRules.notSelf(null, "admin");
        AccountRules.notSelf("admin", "fg");
    }

    @Test
    void theLastAdministratorStays() {
        refused(() -> AccountRules.anAdministratorRemains(true, 1), Code.LAST_ADMIN, null);
        AccountRules.anAdministratorRemains(true, 2);
        AccountRules.anAdministratorRemains(false, 1);
    }

    @Test
    void administratorAndReviewerIsFlagged() {
        assertThat(AccountRules.combinesAdministrationAndReview(List.of("admin", "alderman")))
                .isTrue();
        assertThat(AccountRules.combinesAdministrationAndReview(List.of("admin", "manager")))
                .isFalse();
        assertThat(AccountRules.combinesAdministrationAndReview(List.of("privacy-officer")))
                .isFalse();
    }

    /** ADR 0058. */
    @Test
    void whoeverSetThePasswordGivesNoGroupWithPower() {
        for (String power : List.of("privacy-officer", "ethics-committee", "alderman", "burgemeester", "admin")) {
            refused(
                    () -> AccountRules.notSetterOfPassword("admin", "admin", List.of("project-lead", power)),
                    Code.PASSWORD_SETTER,
                    "groupId");
            AccountRules.notSetterOfPassword("admin", "beheer2", List.of(power));
            AccountRules.notSetterOfPassword("admin", null, List.of(power));
        }
        AccountRules.notSetterOfPassword("admin", "admin", List.of("project-lead", "manager"));
        AccountRules.notSetterOfPassword("admin", "admin", List.of());
        AccountRules.notSetterOfPassword(null, null, List.of("admin"));
        assertThat(AccountRules.powers(List.of("project-lead", "privacy-officer", "admin", "manager")))
                .containsExactly("admin", "privacy-officer");
        assertThat(AccountRules.powers(List.of("project-lead"))).isEmpty();
    }

    @Test
    void anAdministratorsOwnPasswordAndASingleSignOnUsersAreNotSetHere() {
        refused(() -> AccountRules.notOwnPassword("admin", "admin"), Code.OWN_PASSWORD, "id");
        AccountRules.notOwnPassword("admin", "lead");
        AccountRules.notOwnPassword(null, "lead");
        refused(() -> AccountRules.notSingleSignOn(true), Code.SINGLE_SIGN_ON_ACCOUNT, "id");
        AccountRules.notSingleSignOn(false);
        refused(() -> AccountRules.notASingleSignOnId(true, "wethouder"), Code.SINGLE_SIGN_ON_ACCOUNT, "id");
        AccountRules.notASingleSignOnId(false, "wethouder");
    }
}
