package nl.waarborg.publication;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentType;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.VersionStatus;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.system.SystemRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Pre-fills a register entry from the system record and keeps the fields that Waarborg owns (organisation, status,
 * dates, publication category, language, standard version, source id) in line with the system whatever an editor
 * sends. The long texts are proposed from the latest APPROVED IAMA and DPIA ({@link RegisterTexts}).
 */
@Component
public class RegisterPrefill {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final String organization;
    private final String baseUrl;
    private final AssessmentReads assessments;

    public RegisterPrefill(
            @Value("${waarborg.organization-name:Gemeente Voorbeeld}") String organization,
            @Value("${waarborg.mail.base-url:}") String baseUrl,
            AssessmentReads assessments) {
        this.organization = organization;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.assessments = assessments;
    }

    /** The first, unstored proposal for a system's entry: the system record and the approved assessments. */
    public RegisterEntry from(SystemRecord system) {
        Map<String, Object> known = new HashMap<>(RegisterTexts.from(
                approved(system.id(), AssessmentType.IAMA), approved(system.id(), AssessmentType.DPIA), baseUrl));
        known.put("name", cut(system.name(), 100));
        known.put("description_short", cut(system.description(), 350));
        RegisterEntry blank = CanonicalJson.MAPPER.convertValue(known, RegisterEntry.class);
        return keepOwnFields(blank, system, Optional.empty());
    }

    /** The system's latest APPROVED version of an assessment type (the one in force). */
    Optional<AssessmentVersion> approved(String systemId, AssessmentType type) {
        return assessments.assessmentsOf(systemId).stream()
                .filter(a -> a.type() == type)
                .flatMap(a -> assessments.versions(a.id()).stream())
                .filter(v -> v.status() == VersionStatus.APPROVED)
                .max(Comparator.comparing(
                        AssessmentVersion::frozenAt, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** The edited entry with Waarborg's own fields taken from the system and the previous version. */
    public RegisterEntry keepOwnFields(RegisterEntry edited, SystemRecord system, Optional<RegisterEntry> previous) {
        String status = previous.map(RegisterEntry::status).orElse(status(system.phase()));
        return own(
                edited,
                status,
                previous.map(RegisterEntry::beginDate).orElse(null),
                previous.map(RegisterEntry::endDate).orElse(null),
                category(system.publicationCategory()),
                system.id());
    }

    /** The entry's status for a phase of the system. */
    static String status(SystemRecord.Phase phase) {
        return switch (phase) {
            case REGISTERED, DEVELOP, IMPLEMENT -> RegisterEntry.IN_DEVELOPMENT;
            case EVALUATE -> RegisterEntry.IN_USE;
            case STOPPED, RETIRED -> RegisterEntry.OUT_OF_USE;
        };
    }

    /** The standard's publication category for Waarborg's category A, B or C. */
    static String category(String abc) {
        return switch (abc == null ? "" : abc) {
            case "A" -> "Hoog-risico AI-systeem";
            case "B" -> "Impactvolle algoritmes";
            case "C" -> "Overige algoritmes";
            default -> null;
        };
    }

    /** The entry after the system entered a phase at a moment: status, begin month at go-live, end month at the end. */
    static RegisterEntry followPhase(RegisterEntry entry, SystemRecord.Phase phase, Instant when) {
        String status = status(phase);
        String month = YearMonth.from(when.atZone(AMSTERDAM)).toString();
        String begin = entry.beginDate();
        String end = entry.endDate();
        if (RegisterEntry.IN_USE.equals(status)) {
            begin = begin == null ? month : begin;
            end = null;
        } else if (RegisterEntry.OUT_OF_USE.equals(status) && end == null) {
            // Never before the begin month (a begin month recorded ahead of time must not block a retirement).
            end = begin != null && begin.compareTo(month) > 0 ? begin : month;
        }
        return withOwn(
                entry,
                entry.organization(),
                status,
                begin,
                end,
                entry.publicationCategory(),
                entry.lang(),
                entry.standardVersion(),
                entry.sourceId());
    }

    private RegisterEntry own(
            RegisterEntry e, String status, String begin, String end, String publicationCategory, String sourceId) {
        return withOwn(
                e,
                organization,
                status,
                begin,
                end,
                publicationCategory,
                RegisterEntry.LANG,
                RegisterEntry.STANDARD_VERSION,
                sourceId);
    }

    /** The entry with the fields Waarborg keeps replaced. */
    private static RegisterEntry withOwn(
            RegisterEntry e,
            String organization,
            String status,
            String begin,
            String end,
            String publicationCategory,
            String lang,
            String standardVersion,
            String sourceId) {
        return new RegisterEntry(
                e.name(),
                e.descriptionShort(),
                organization,
                e.category(),
                status,
                begin,
                end,
                e.contactEmail(),
                e.website(),
                publicationCategory,
                e.url(),
                e.goal(),
                e.proportionality(),
                e.humanIntervention(),
                e.risks(),
                e.lawfulBasis(),
                e.lawfulBasisGrouping(),
                e.processIndexUrl(),
                e.impacttoetsenGrouping(),
                e.impacttoetsen(),
                e.sourceData(),
                e.sourceDataGrouping(),
                e.methodsAndModels(),
                e.provider(),
                e.publiccode(),
                lang,
                standardVersion,
                sourceId,
                e.tags());
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.codePointCount(0, t.length()) <= max ? t : t.substring(0, t.offsetByCodePoints(0, max));
    }
}
