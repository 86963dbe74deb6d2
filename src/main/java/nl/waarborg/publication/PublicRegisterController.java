package nl.waarborg.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import nl.waarborg.publication.RegisterEntries.Version;
import nl.waarborg.shared.CanonicalJson;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The public register, without login (ADR 0034): the published version of each entry and nothing else of the system
 * or its assessments. {@code /register} is the Dutch HTML page, {@code /register.json} the feed in the standard's shape.
 */
@Controller
public class PublicRegisterController {

    private static final List<String> LONG_TEXTS = List.of(
            "goal",
            "proportionality",
            "human_intervention",
            "risks",
            "lawful_basis",
            "source_data",
            "methods_and_models");

    private static final Pattern TAG = Pattern.compile("<[^>]*>");

    private final RegisterEntries entries;

    public PublicRegisterController(RegisterEntries entries) {
        this.entries = entries;
    }

    @GetMapping(value = "/register.json", produces = "application/json")
    @ResponseBody
    public List<RegisterEntry> feed() {
        return published();
    }

    @GetMapping("/register")
    public String page(Model model) {
        model.addAttribute(
                "entries",
                published().stream().map(PublicRegisterController::plainTexts).toList());
        return "public-register";
    }

    private List<RegisterEntry> published() {
        return entries.allPublished().stream().map(Version::entry).toList();
    }

    /** The entry with its long texts as plain text for the page: the few permitted tags become spaces. */
    static RegisterEntry plainTexts(RegisterEntry entry) {
        ObjectNode tree = CanonicalJson.MAPPER.valueToTree(entry);
        for (String field : LONG_TEXTS) {
            if (tree.hasNonNull(field)) {
                tree.put(
                        field,
                        TAG.matcher(tree.get(field).asText())
                                .replaceAll(" ")
                                .replaceAll("\\s+", " ")
                                .strip());
            }
        }
        return CanonicalJson.MAPPER.convertValue(tree, RegisterEntry.class);
    }
}
