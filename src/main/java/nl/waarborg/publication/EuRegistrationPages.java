package nl.waarborg.publication;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import nl.waarborg.security.CurrentUser;
import nl.waarborg.shared.CanonicalJson;
import nl.waarborg.shared.ConflictException;
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
 * The Dutch page of a system's EU-database registration (AI Act Art. 49(3), Annex VIII section C; ADR 0034): the owner
 * prepares the data (each change a new version), downloads the export and records the reference number the EU
 * database gave. The rules are those of {@link EuRegistrations} and {@link EuRegistration}, the same as on /api.
 */
@Controller
public class EuRegistrationPages {

    /** A field of Annex VIII section C: its JSON name, its limit, and whether it is a long text. */
    public record Field(String key, int max, boolean longText) {}

    public static final List<Field> FIELDS = List.of(
            new Field("deployer_name", EuRegistration.SHORT, false),
            new Field("deployer_address", EuRegistration.SHORT, false),
            new Field("deployer_contact", EuRegistration.SHORT, false),
            new Field("submitter_name", EuRegistration.SHORT, false),
            new Field("submitter_address", EuRegistration.SHORT, false),
            new Field("submitter_contact", EuRegistration.SHORT, false),
            new Field("provider_entry_url", EuRegistration.SHORT, false),
            new Field("fria_summary", EuRegistration.SUMMARY, true),
            new Field("dpia_summary", EuRegistration.SUMMARY, true));

    static final String PATH = "/systemen/{id}/eu-registratie";

    private final EuRegistrations registrations;
    private final SystemRegistry systems;
    private final SystemReads readable;

    public EuRegistrationPages(EuRegistrations registrations, SystemRegistry systems, SystemReads readable) {
        this.registrations = registrations;
        this.systems = systems;
        this.readable = readable;
    }

    @GetMapping(PATH)
    public String page(@PathVariable String id, Model model) {
        readable.require(id);
        return show(id, registrations.current(id), null, model);
    }

    /** The owner saves the data: a new version, or the form again (400) with the field at fault. */
    @PostMapping(PATH)
    public String save(
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SystemAccess.requireChange(systems.get(id));
        ObjectNode tree = CanonicalJson.MAPPER.createObjectNode();
        for (Field f : FIELDS) {
            String value = form.getFirst(f.key());
            tree.put(f.key(), value == null || value.isBlank() ? null : value.strip());
        }
        EuRegistration edited = CanonicalJson.MAPPER.convertValue(tree, EuRegistration.class);
        try {
            registrations.prepare(id, edited, CurrentUser.id());
        } catch (WaarborgException e) {
            return refused(e, id, edited, model, response);
        }
        redirect.addFlashAttribute("flash", "eu.saved");
        return "redirect:/systemen/" + id + "/eu-registratie";
    }

    /**
     * The owner records the reference number: before go-live the go-live check for the EU database is completed with it;
     * after go-live it is the reference or confirmation of the update of a changed registration (a new version).
     */
    @PostMapping(PATH + "/referentie")
    public String reference(
            @PathVariable String id,
            @RequestParam(name = "reference_number", required = false) String reference,
            @RequestParam(name = "versie", required = false) Integer version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        SystemAccess.requireChange(systems.get(id));
        boolean wasRegistered = registrations.registered(id).isPresent();
        try {
            registrations.recordReference(id, reference, CurrentUser.id(), version);
        } catch (DraftChangedException e) {
            redirect.addFlashAttribute("flashError", "eu.error.changed");
            return "redirect:/systemen/" + id + "/eu-registratie";
        } catch (ConflictException e) {
            redirect.addFlashAttribute("flashError", wasRegistered ? "eu.error.noChange" : "eu.error.noOpenCheck");
            return "redirect:/systemen/" + id + "/eu-registratie";
        } catch (WaarborgException e) {
            return refused(e, id, registrations.current(id), model, response);
        }
        redirect.addFlashAttribute("flash", wasRegistered ? "eu.updateRecorded" : "eu.recorded");
        return "redirect:/systemen/" + id + "/eu-registratie";
    }

    private String refused(
            WaarborgException e, String id, EuRegistration shown, Model model, HttpServletResponse response) {
        if (e.field() == null) {
            throw e;
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(id, shown, e.field(), model);
    }

    private String show(String id, EuRegistration data, String errorField, Model model) {
        SystemRecord system = systems.get(id);
        List<EuRegistrations.Version> versions = registrations.versions(id);
        model.addAttribute("system", system);
        model.addAttribute("data", CanonicalJson.MAPPER.valueToTree(data));
        model.addAttribute("fields", FIELDS);
        model.addAttribute("errorField", errorField);
        model.addAttribute("mayEdit", SystemAccess.mayChange(system));
        List<EuRegistrations.Version> newestFirst = new ArrayList<>(versions);
        Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("registered", registrations.registered(id).orElse(null));
        model.addAttribute(
                "latest",
                versions.isEmpty() ? null : versions.get(versions.size() - 1).number());
        return "eu-registration";
    }
}
