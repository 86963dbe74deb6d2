package nl.waarborg.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import nl.waarborg.assessment.GoLiveDuties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Issue 18, point 6: every go-live check is named by the check itself, a gate by its assessment. */
class WebLabelsGateTest {

    private final WebLabels ui = new WebLabels(messages(), null, null);

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void goLiveChecksAreNamedByTheirCheck() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        assertThat(ui.gate("go-live-eu-database")).isEqualTo("Controle: EU-databank");
        assertThat(ui.gate("go-live-log-retention")).isEqualTo("Controle: logbewaring (minimaal 6 maanden)");
        assertThat(ui.gate(GoLiveDuties.Duty.DEPLOYER_ART86.code()))
                .isEqualTo("Controle: procedure voor uitleg van besluiten (art. 86)");
        assertThat(ui.gate("go-live-something-new")).isEqualTo("Controle voor ingebruikname");
    }

    @Test
    void aGateNamesItsAssessment() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        assertThat(ui.gate("privacy-officer-advice", "DPIA"))
                .isEqualTo("Advies functionaris gegevensbescherming (DPIA)");
        assertThat(ui.gate("go-live-eu-database", null)).isEqualTo("Controle: EU-databank");
    }
}
