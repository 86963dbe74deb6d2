package nl.waarborg.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextInputTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"a\u0000b", "bel\u0007", "\u001B[31m", "del\u007F", "c1\u0085", "\u202Egnp.exe", "x\u2066y"})
    void controlCharactersAreRefusedNamingFieldAndCharacter(String value) {
        assertThatThrownBy(() -> TextInput.check("name", value))
                .isInstanceOf(TextInput.RefusedException.class)
                .hasMessageContaining("'name'")
                .hasMessageContaining("U+");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Gewoon een naam", "regel 1\nregel 2\r\n\tingesprongen", "é ü ß — € 😀", "عربي\u200F"})
    void ordinaryTextLineBreaksTabsAndOtherScriptsPass(String value) {
        TextInput.check("name", value);
        assertThat(TextInput.firstRefused(value)).isEqualTo(-1);
    }

    @org.junit.jupiter.api.Test
    void theFirstRefusedCharacterIsNamedByPosition() {
        assertThatThrownBy(() -> TextInput.check("part1Goal", "ab\u0000")).hasMessageContaining("U+0000 at position 3");
        assertThat(TextInput.firstRefused(null)).isEqualTo(-1);
    }
}
