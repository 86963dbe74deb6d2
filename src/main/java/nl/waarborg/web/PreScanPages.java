package nl.waarborg.web;

import java.util.Map;
import java.util.Optional;
import nl.waarborg.assessment.TriageRecords;
import nl.waarborg.forms.AnswerText;
import nl.waarborg.shared.NotFoundException;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRecord;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pre-scan's result page (issue 18 point 16): for whoever may read the system, the classification of a round with
 * its reasons and the answers it was given, in the form's order and words. Linked from the system page.
 */
@Controller
public class PreScanPages {

    private final SystemReads readable;
    private final TriageRecords triages;
    private final AnswerText answers;

    public PreScanPages(SystemReads readable, TriageRecords triages, AnswerText answers) {
        this.readable = readable;
        this.triages = triages;
        this.answers = answers;
    }

    @GetMapping("/systemen/{id}/pre-scan")
    public String preScan(
            @PathVariable String id, @RequestParam(name = "ronde", required = false) Integer round, Model model) {
        SystemRecord system = readable.require(id);
        int shown = round != null ? round : Math.max(1, latestDecidedRound(id));
        Optional<Map<String, Object>> found = triages.triageOf(id, shown);
        if (round != null && found.isEmpty()) {
            throw new NotFoundException("System " + id + " has no pre-scan in round " + shown + ".");
        }
        Map<String, Object> triage = found.orElse(Map.of()); // not filled in yet: the page says so
        model.addAttribute("system", system);
        model.addAttribute("round", shown);
        model.addAttribute("result", outcome(triage).map(PreScanResult::of).orElse(null));
        model.addAttribute(
                "answers",
                answers.section(
                        "triage",
                        triage.get("inputs") instanceof Map<?, ?> inputs ? inputs : Map.of(),
                        LocaleContextHolder.getLocale()));
        return "prescan";
    }

    /** The outcome of the latest round with one (a new round's pre-scan may still be open), else the last round. */
    private int latestDecidedRound(String systemId) {
        int last = triages.lastRound(systemId);
        for (int r = last; r >= 1; r--) {
            if (triages.triageOf(systemId, r).flatMap(PreScanPages::outcome).isPresent()) {
                return r;
            }
        }
        return last;
    }

    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> outcome(Map<String, Object> triage) {
        return Optional.ofNullable(triage.get("outcome"))
                .filter(o -> o instanceof Map<?, ?> m && !m.isEmpty())
                .map(o -> (Map<String, Object>) o);
    }
}
