package nl.waarborg.administration;

import static org.assertj.core.api.Assertions.assertThat;

/** An unlock form of a row in "Accounts onder vuur" on /beheer (templates/unlock-form.html), as the page renders it. */
final class UnlockForm {

    private UnlockForm() {}

    /**
     * The page has the form that posts {@code field=value} to {@code action}, with a reason whose label points at its
     * input ({@code reasonPrefix} followed by the row's index), the button and the session's CSRF field.
     */
    static void shownIn(String page, String action, String field, String value, String reasonPrefix) {
        assertThat(page)
                .contains("<form method=\"post\" action=\"" + action + "\">")
                .contains("<input type=\"hidden\" name=\"" + field + "\" value=\"" + value + "\">")
                .containsPattern(
                        "<label for=\"" + reasonPrefix + "(\\d+)\">Reden</label>\\s*<input id=\"" + reasonPrefix
                                + "\\1\" type=\"text\" name=\"reason\" required maxlength=\"2000\">\\s*"
                                + "<button type=\"submit\" class=\"button\">Ontgrendelen</button>")
                .containsPattern("(?s)action=\"" + action + "\">(?:(?!</form>).)*name=\"_csrf\"");
    }
}
