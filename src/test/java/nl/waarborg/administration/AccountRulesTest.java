package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nl.waarborg.administration.AdministrationRefusal.Code;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

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
}
