package nl.waarborg.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarborg.identity.Groups;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.WaarborgException;
import nl.waarborg.system.SystemAccess;
import nl.waarborg.system.SystemReads;
import nl.waarborg.system.SystemRecord;
import nl.waarborg.system.SystemRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Dutch page of a system's Algoritmeregister entry (ADR 0034): the owner edits the pre-filled entry (each save is
 * a new draft), the privacy officer approves the draft, and everyone who may see the system downloads it. The rules
 * are those of {@link RegisterEntries} and {@link RegisterRules}, the same as on /api.
 */
@Controller
public class RegisterPages {

    /** A field the owner edits: the standard's name, its limit, and whether it is a long text. */
    public record Field(String key, int max, boolean longText) {}

    public static final List<Field> FIELDS = List.of(
            new Field("name", 100, false),
            new Field("description_short", 350, true),
            new Field("goal", 2500, true),
            new Field("proportionality", 2500, true),
            new Field("human_intervention", 2500, true),
            new Field("risks", 2500, true),
            new Field("lawful_basis", 2500, true),
            new Field("impacttoetsen", 2500, true),
            new Field("source_data", 2500, true),
            new Field("methods_and_models", 5000, true),
            new Field("provider", 200, false),
            new Field("contact_email", 500, false),
            new Field("website", 500, false),
            new Field("url", 500, false),
            new Field("publiccode", 500, false),
            new Field("process_index_url", 500, false),
            new Field("tags", 2500, false));

    /** The link lists the owner edits on the page (title + https link per row); the third is Waarborg's own. */
    public static final List<String> GROUPINGS = List.of("lawful_basis_grouping", "source_data_grouping");

    static final String PATH = "/systemen/{id}/algoritmeregister";

    private static final Pattern ROW = Pattern.compile("^([a-z_]+)\\[(\\d+)]\\.?(title|link)?");

    private final RegisterEntries entries;
    private final SystemRegistry systems;
    private final SystemReads readable;

    public RegisterPages(RegisterEntries entries, SystemRegistry systems, SystemReads readable) {
        this.entries = entries;
        this.systems = systems;
        this.readable = readable;
    }

    @GetMapping(PATH)
    public String page(@PathVariable String id, Model model) {
        readable.require(id);
        return show(id, entries.current(id), model);
    }

    /** The owner saves the form: a new draft, or the form again with the field at fault. */
    @PostMapping(PATH)
    public String save(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SystemAccess.requireChange(systems.get(id));
        ObjectNode tree = CanonicalJson.MAPPER.valueToTree(entries.current(id));
        for (Field f : FIELDS) {
            String value = form.getFirst(f.key());
            tree.put(f.key(), value == null || value.isBlank() ? null : value.strip());
        }
        tree.set("category", CanonicalJson.MAPPER.valueToTree(form.getOrDefault("category", List.of())));
        for (String grouping : GROUPINGS) {
            tree.set(grouping, CanonicalJson.MAPPER.valueToTree(links(form, grouping)));
        }
        RegisterEntry edited = CanonicalJson.MAPPER.convertValue(tree, RegisterEntry.class);
        try {
            entries.edit(id, edited, CurrentUser.id());
        } catch (WaarborgException e) {
            if (e.field() == null) {
                throw e;
            }
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errorField", e.field().replaceAll("[\\[.].*$", ""));
            Matcher row = ROW.matcher(e.field());
            if (row.find()) {
                model.addAttribute("errorRow", Integer.parseInt(row.group(2)));
                model.addAttribute("errorPart", row.group(3) == null ? "title" : row.group(3));
            }
            return show(id, edited, model);
        }
        redirect.addFlashAttribute("flash", "register.saved");
        return "redirect:/systemen/" + id + "/algoritmeregister";
    }

    /** The privacy officer publishes the draft shown on the page; a newer one is shown again instead. */
    @PostMapping(PATH + "/goedkeuring")
    public String approve(
            @PathVariable String id,
            @RequestParam(name = "versie", required = false) Integer version,
            RedirectAttributes redirect) {
        CurrentUser.requireAnyOf(Groups.PRIVACY_OFFICER);
        try {
            entries.approve(id, CurrentUser.id(), version);
        } catch (DraftChangedException changed) {
            redirect.addFlashAttribute("flashError", "register.draftChanged");
            return "redirect:/systemen/" + id + "/algoritmeregister";
        }
        redirect.addFlashAttribute("flash", "register.approved");
        return "redirect:/systemen/" + id + "/algoritmeregister";
    }

    /** The rows of a link list as the form sends them (parallel title and link values); empty rows are left out. */
    static List<RegisterEntry.Link> links(MultiValueMap<String, String> form, String grouping) {
        List<String> titles = form.getOrDefault(grouping + ".title", List.of());
        List<String> links = form.getOrDefault(grouping + ".link", List.of());
        List<RegisterEntry.Link> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(titles.size(), links.size()); i++) {
            String title = i < titles.size() ? titles.get(i).strip() : "";
            String link = i < links.size() ? links.get(i).strip() : "";
            if (!title.isEmpty() || !link.isEmpty()) {
                rows.add(new RegisterEntry.Link(title.isEmpty() ? null : title, link.isEmpty() ? null : link));
            }
        }
        return rows;
    }

    private String show(String id, RegisterEntry entry, Model model) {
        SystemRecord system = systems.get(id);
        RegisterEntries.Version latest = entries.latest(id).orElse(null);
        boolean pending = latest != null && latest.status() == RegisterEntries.Status.DRAFT;
        model.addAttribute("system", system);
        model.addAttribute("entry", CanonicalJson.MAPPER.valueToTree(entry));
        model.addAttribute("fields", FIELDS);
        model.addAttribute("themes", RegisterRules.THEMES);
        model.addAttribute("groupings", GROUPINGS);
        model.addAttribute("chosen", entry.category() == null ? List.of() : entry.category());
        model.addAttribute("mayEdit", SystemAccess.mayChange(system));
        model.addAttribute("draft", pending ? latest : null);
        boolean reviewer = pending && CurrentUser.isIn(Groups.PRIVACY_OFFICER);
        boolean fourEyes = reviewer
                && entries.fourEyesRefusal(id, latest, CurrentUser.id()).isEmpty();
        model.addAttribute("mayApprove", fourEyes);
        model.addAttribute("notTheReviewer", reviewer && !fourEyes);
        model.addAttribute("published", entries.published(id).orElse(null));
        return "register-entry";
    }
}
