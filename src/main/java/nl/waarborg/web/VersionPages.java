package nl.waarborg.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarborg.assessment.AssessmentReads;
import nl.waarborg.assessment.AssessmentVersion;
import nl.waarborg.assessment.RoundReasons;
import nl.waarborg.assessment.VersionDiff;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.forms.ReadableAnswer;
import nl.waarborg.forms.RiskMatrix;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRegistry;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One version of an assessment (answers per section, signatures, every save) and the difference with another version;
 * for those who may read the assessment's system ({@link SystemReads}, ADR 0048), the Dutch 403 page for others.
 */
@Controller
public class VersionPages {

    private final AssessmentReads reads;
    private final VersionDiff diff;
    private final AnswerText answers;
    private final ReadableDiff readable;
    private final SystemRegistry systems;
    private final RoundReasons roundReasons;
    private final SystemReads readableSystems;

    public VersionPages(
            AssessmentReads reads,
            VersionDiff diff,
            AnswerText answers,
            ReadableDiff readable,
            SystemRegistry systems,
            RoundReasons roundReasons,
            SystemReads readableSystems) {
        this.readableSystems = readableSystems;
        this.roundReasons = roundReasons;
        this.reads = reads;
        this.diff = diff;
        this.answers = answers;
        this.readable = readable;
        this.systems = systems;
    }

    public record Section(String id, List<ReadableAnswer> answers) {}

    /** One save of a section, with the form's question labels. */
    public record Save(
            String section, String user, Instant savedAt, String answersHash, List<ReadableAnswer> answers) {}

    @GetMapping("/beoordelingen/{id}/versies/{number}")
    public String version(@PathVariable String id, @PathVariable int number, Model model) {
        AssessmentVersion version = load(id, number);
        model.addAttribute("v", version);
        model.addAttribute("hashIntact", reads.hashCheck(version));
        model.addAttribute("system", systems.get(version.systemId()));
        model.addAttribute(
                "roundReason",
                roundReasons.of(version.systemId(), version.cycleRound()).orElse(null));
        model.addAttribute("sections", sections(version));
        model.addAttribute("riskMatrix", RiskMatrix.gridOf(version.answers()));
        model.addAttribute(
                "saves",
                reads.answerSaves(id, number).stream()
                        .map(save -> new Save(
                                save.section(),
                                save.user(),
                                save.savedAt(),
                                save.answersHash(),
                                answers(save.section(), save.answers())))
                        .toList());
        return "version";
    }

    @GetMapping("/beoordelingen/{id}/verschil")
    public String diff(
            @PathVariable String id, @RequestParam("van") int from, @RequestParam("tot") int to, Model model) {
        AssessmentVersion newer = load(id, to);
        VersionDiff.Result result = diff.between(load(id, from), newer);
        model.addAttribute("result", result);
        model.addAttribute("changes", readable.of(result, LocaleContextHolder.getLocale()));
        model.addAttribute("v", newer);
        model.addAttribute("system", systems.get(newer.systemId()));
        return "version-diff";
    }

    /** The answers per section with the form's question labels, in form order, then what the form no longer asks. */
    List<Section> sections(AssessmentVersion version) {
        List<Section> result = new ArrayList<>();
        version.answers().forEach((section, fields) -> result.add(new Section(section, answers(section, fields))));
        return result;
    }

    private List<ReadableAnswer> answers(String section, Object fields) {
        Locale locale = LocaleContextHolder.getLocale();
        return fields instanceof Map<?, ?> map
                ? answers.section(section, map, locale)
                : List.of(answers.answer(section, section, fields, locale));
    }

    private AssessmentVersion load(String id, int number) {
        reads.assessment(id).ifPresent(a -> readableSystems.require(a.systemId()));
        return reads.version(id, number).orElseThrow(() -> new NotFoundException("No version " + number + " of " + id));
    }
}
