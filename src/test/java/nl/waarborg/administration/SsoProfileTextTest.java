package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Names from the provider's claims are kept on one line and bounded, like names an administrator gives. */
class SsoProfileTextTest {

    @Test
    void lineBreaksAndTabsBecomeSpacesAndTheLengthIsBounded() {
        assertThat(SsoAccounts.cut("de Vries\r\nOpen de taak hier")).isEqualTo("de Vries  Open de taak hier");
        assertThat(SsoAccounts.cut("Fleur\tde\u2028Vries\u2029")).isEqualTo("Fleur de Vries ");
        assertThat(SsoAccounts.cut("Jan")).isEqualTo("Jan");
        assertThat(SsoAccounts.cut("x".repeat(AccountRules.MAX_TEXT + 5))).hasSize(AccountRules.MAX_TEXT);
        assertThat(SsoAccounts.cut("x".repeat(AccountRules.MAX_TEXT))).hasSize(AccountRules.MAX_TEXT);
    }
}
