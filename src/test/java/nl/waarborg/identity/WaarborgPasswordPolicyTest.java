package nl.waarborg.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WaarborgPasswordPolicyTest {

    private final WaarborgPasswordPolicy policy = new WaarborgPasswordPolicy();

    @Test
    void twelveCharactersAreTheMinimum() {
        assertThat(policy.accepts("Kort-maar-1", "piet")).isFalse();
        assertThat(policy.accepts("Lang-genoeg1", "piet")).isTrue();
    }

    @Test
    void aPasswordTooLongToTypeOrSendIsRefused() {
        assertThat(policy.accepts("x-Lang-" + "y".repeat(1017), "piet")).isTrue();
        assertThat(policy.accepts("x-Lang-" + "y".repeat(1018), "piet")).isFalse();
        assertThat(policy.accepts("x".repeat(2_000_000), "piet")).isFalse();
    }

    @Test
    void theUserIdIsRefusedWhateverItsCase() {
        assertThat(policy.accepts("Pietje-Proefkonijn", "pietje-proefkonijn")).isFalse();
        assertThat(policy.accepts("Pietje-Proefkonijn", "piet")).isTrue();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.accepts("WACHTWOORD1234", "piet")).isFalse();
        assertThat(policy.accepts("Gr0en-Lantaarn-Kanaal-42", "piet")).isTrue();
    }
}
