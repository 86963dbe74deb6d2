package nl.waarborg.publication;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.shared.InvalidInputException;

/**
 * The field rules of Algoritmeregister publication standard 1.0.0 (MinBZK, backend/app/schemas/config/v1_0_0.json):
 * required fields, length limits, permitted values, at most three themes, dates as YYYY-MM, links that start with
 * https:// and only the few HTML tags the standard allows in its long texts. Plain code without a database, so the
 * same rules hold for the API, the web page and the pre-fill. {@link #check} refuses with a 400 naming the field.
 */
public final class RegisterRules {

    /** The themes (field {@code category}) the standard permits. */
    public static final List<String> THEMES = List.of(
            "Organisatie en bedrijfsvoering",
            "Cultuur en recreatie",
            "Economie",
            "Overheidsfinanciën",
            "Wonen",
            "Internationaal",
            "Migratie en integratie",
            "Natuur en milieu",
            "Onderwijs en wetenschap",
            "Openbare orde en veiligheid",
            "Recht",
            "Ruimte en infrastructuur",
            "Sociale zekerheid",
            "Verkeer",
            "Werk",
            "Zorg en gezondheid");

    public static final List<String> STATUSES =
            List.of(RegisterEntry.IN_DEVELOPMENT, RegisterEntry.IN_USE, RegisterEntry.OUT_OF_USE);

    public static final List<String> PUBLICATION_CATEGORIES =
            List.of("Hoog-risico AI-systeem", "Impactvolle algoritmes", "Overige algoritmes");

    static final int MAX_THEMES = 3;
    static final int LONG_TEXT = 2500;
    static final int LINK = 500;

    /** The tags the standard allows in its long texts; no attributes. */
    static final Set<String> ALLOWED_TAGS = Set.of("div", "br", "p", "ul", "ol", "li");

    private static final Pattern TAG = Pattern.compile("<\\s*/?\\s*([a-zA-Z][a-zA-Z0-9]*)([^>]*)>|<[!?/]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>.]+");
    private static final Pattern YEAR_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final DateTimeFormatter YYYY_MM = DateTimeFormatter.ofPattern("uuuu-MM", Locale.ROOT);

    private RegisterRules() {}

    /** One field at fault and what is wrong with it. */
    public record Fault(String field, String detail) {}

    /** Refuses the entry with a 400 that names the first field at fault. */
    public static void check(RegisterEntry entry) {
        List<Fault> faults = faults(entry);
        if (!faults.isEmpty()) {
            throw new InvalidInputException(faults.get(0).field(), faults.get(0).detail());
        }
    }

    /** Every field at fault, in the standard's order; empty when the entry may be published. */
    public static List<Fault> faults(RegisterEntry e) {
        List<Fault> faults = new ArrayList<>();
        plain(faults, "name", e.name(), 100, true);
        plain(faults, "description_short", e.descriptionShort(), 350, true);
        plain(faults, "organization", e.organization(), 100, true);
        themes(faults, e.category());
        oneOf(faults, "status", e.status(), STATUSES, true);
        dates(faults, e);
        contact(faults, e.contactEmail());
        link(faults, "website", e.website());
        oneOf(faults, "publication_category", e.publicationCategory(), PUBLICATION_CATEGORIES, true);
        link(faults, "url", e.url());
        text(faults, "goal", e.goal(), LONG_TEXT);
        text(faults, "proportionality", e.proportionality(), LONG_TEXT);
        text(faults, "human_intervention", e.humanIntervention(), LONG_TEXT);
        text(faults, "risks", e.risks(), LONG_TEXT);
        text(faults, "lawful_basis", e.lawfulBasis(), LONG_TEXT);
        links(faults, "lawful_basis_grouping", e.lawfulBasisGrouping(), 100);
        link(faults, "process_index_url", e.processIndexUrl());
        links(faults, "impacttoetsen_grouping", e.impacttoetsenGrouping(), LINK);
        text(faults, "impacttoetsen", e.impacttoetsen(), LONG_TEXT);
        text(faults, "source_data", e.sourceData(), LONG_TEXT);
        links(faults, "source_data_grouping", e.sourceDataGrouping(), LINK);
        text(faults, "methods_and_models", e.methodsAndModels(), 5000);
        plain(faults, "provider", e.provider(), 200, false);
        link(faults, "publiccode", e.publiccode());
        oneOf(faults, "lang", e.lang(), List.of(RegisterEntry.LANG), true);
        oneOf(faults, "standard_version", e.standardVersion(), List.of(RegisterEntry.STANDARD_VERSION), false);
        plain(faults, "source_id", e.sourceId(), 100, false);
        text(faults, "tags", e.tags(), LONG_TEXT);
        return faults;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean present(List<Fault> faults, String field, String value, int max, boolean required) {
        if (blank(value)) {
            if (required) {
                faults.add(new Fault(field, "Field '" + field + "' is required by the publication standard."));
            }
            return false;
        }
        if (value.codePointCount(0, value.length()) > max) {
            faults.add(new Fault(field, "Field '" + field + "' holds at most " + max + " characters."));
            return false;
        }
        return true;
    }

    /** A short field: no markup at all. */
    private static void plain(List<Fault> faults, String field, String value, int max, boolean required) {
        if (present(faults, field, value, max, required) && TAG.matcher(value).find()) {
            faults.add(new Fault(field, "Field '" + field + "' must not contain HTML."));
        }
    }

    /** A long text: only the tags the standard allows, without attributes. */
    private static void text(List<Fault> faults, String field, String value, int max) {
        if (!present(faults, field, value, max, false)) {
            return;
        }
        Matcher tag = TAG.matcher(value);
        while (tag.find()) {
            String name = tag.group(1);
            if (name == null
                    || !ALLOWED_TAGS.contains(name.toLowerCase(Locale.ROOT))
                    || !tag.group(2).replace("/", "").isBlank()) {
                faults.add(new Fault(
                        field,
                        "Field '" + field + "' may only use the HTML tags " + ALLOWED_TAGS + ", without attributes."));
                return;
            }
        }
    }

    private static void oneOf(List<Fault> faults, String field, String value, List<String> permitted, boolean req) {
        if (present(faults, field, value, 100, req) && !permitted.contains(value)) {
            faults.add(new Fault(field, "Field '" + field + "' must be one of " + permitted + "."));
        }
    }

    private static void themes(List<Fault> faults, List<String> themes) {
        if (themes == null) {
            return;
        }
        if (themes.size() > MAX_THEMES) {
            faults.add(new Fault("category", "Field 'category' holds at most " + MAX_THEMES + " themes."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String theme : themes) {
            if (!THEMES.contains(theme)) {
                faults.add(new Fault(
                        "category",
                        "Field 'category' holds only the standard's themes, such as "
                                + "'Sociale zekerheid' or 'Werk'; '" + theme + "' is not one of them."));
                return;
            }
            if (!seen.add(theme)) {
                faults.add(new Fault("category", "Field 'category' names theme '" + theme + "' twice."));
                return;
            }
        }
    }

    private static void dates(List<Fault> faults, RegisterEntry e) {
        YearMonth begin = month(faults, "begin_date", e.beginDate());
        YearMonth end = month(faults, "end_date", e.endDate());
        if (end != null && !RegisterEntry.OUT_OF_USE.equals(e.status())) {
            faults.add(new Fault(
                    "end_date",
                    "Field 'end_date' stays empty until the status is '" + RegisterEntry.OUT_OF_USE + "'."));
        } else if (begin != null && end != null && end.isBefore(begin)) {
            faults.add(new Fault("end_date", "Field 'end_date' must not lie before 'begin_date'."));
        }
    }

    /** A month as YYYY-MM, or null when empty or wrong (a fault is added then). */
    static YearMonth month(List<Fault> faults, String field, String value) {
        if (blank(value)) {
            return null;
        }
        if (YEAR_MONTH.matcher(value).matches()) {
            try {
                return YearMonth.parse(value, YYYY_MM);
            } catch (DateTimeParseException wrongMonth) {
                // falls through to the fault below
            }
        }
        faults.add(new Fault(field, "Field '" + field + "' is a month written as YYYY-MM, such as 2026-01."));
        return null;
    }

    /** The standard allows an e-mail address or a website (https://) for contact. */
    private static void contact(List<Fault> faults, String value) {
        if (present(faults, "contact_email", value, LINK, true)
                && !EMAIL.matcher(value.strip()).matches()
                && !https(value)) {
            faults.add(new Fault(
                    "contact_email",
                    "Field 'contact_email' is an e-mail address or a website starting with https://."));
        }
    }

    private static void link(List<Fault> faults, String field, String value) {
        if (present(faults, field, value, LINK, false) && !https(value)) {
            faults.add(new Fault(field, "Field '" + field + "' is a link starting with https://."));
        }
    }

    private static void links(List<Fault> faults, String field, List<RegisterEntry.Link> links, int maxTitle) {
        if (links == null) {
            return;
        }
        for (int i = 0; i < links.size(); i++) {
            RegisterEntry.Link item = links.get(i);
            String at = field + "[" + i + "]";
            if (item == null) {
                faults.add(new Fault(at, "Field '" + at + "' needs a title and a link."));
                continue;
            }
            plain(faults, at + ".title", item.title(), maxTitle, true);
            if (blank(item.link())) {
                faults.add(new Fault(at + ".link", "Field '" + at + ".link' is required by the publication standard."));
            } else {
                link(faults, at + ".link", item.link());
            }
        }
    }

    private static boolean https(String value) {
        String v = value.strip();
        return v.startsWith("https://") && v.length() > "https://".length() && !v.matches(".*\\s.*");
    }
}
