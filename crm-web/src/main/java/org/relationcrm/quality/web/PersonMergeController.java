package org.relationcrm.quality.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.quality.DuplicatesService;
import org.relationcrm.quality.MergeService;
import org.relationcrm.quality.PersonField;
import org.relationcrm.quality.PersonMergeService;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.web.CurrentUser;

/**
 * Two records of one person, as {@link QualityController} does for companies: "not the same person" on a pair, the
 * merge form (which record survives, which value to keep field by field; a consent taken over a refusal is pointed out)
 * and the undo of a merge. The same permission as a company merge.
 */
@Controller
class PersonMergeController {

    private final DuplicatesService duplicates;
    private final PersonMergeService merges;
    private final ClientService clients;

    PersonMergeController(DuplicatesService duplicates, PersonMergeService merges, ClientService clients) {
        this.duplicates = duplicates;
        this.merges = merges;
        this.clients = clients;
    }

    @PostMapping("/duplicates/people/dismiss")
    String dismiss(@RequestParam long first, @RequestParam long second, @AuthenticationPrincipal CurrentUser me,
                   RedirectAttributes redirect) {
        duplicates.dismissPeople(first, second, me.actor());
        redirect.addFlashAttribute("flash", "flash.people.dismissed");
        return "redirect:/duplicates#people";
    }

    /** The merge form: {@code survivor} keeps its id and history, {@code loser}'s moves into it. */
    @GetMapping("/duplicates/people/merge")
    String mergeForm(@RequestParam long survivor, @RequestParam long loser, Model model, RedirectAttributes redirect) {
        Optional<String> refused = merges.refusal(survivor, loser); // the post would refuse it: say so before
        if (refused.isPresent()) {
            redirect.addFlashAttribute("refused", refused.get());
            return "redirect:/duplicates#people";
        }
        Contact kept = clients.contact(survivor);
        Contact merged = clients.contact(loser);
        model.addAttribute("form", new PersonMergeForm(survivor, loser, kept.version(), merged.version(),
                PersonField.defaultFromLoser(kept.details(), merged.details())));
        return mergePage(kept, merged, model);
    }

    @PostMapping("/duplicates/people/merge")
    String merge(@Valid @ModelAttribute("form") PersonMergeForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (form.survivorId() == null || form.loserId() == null) {
            throw new IllegalArgumentException("which two people to merge is missing"); // a 400: no form to show
        }
        return MergeFlow.submit(errors,
                () -> merges.merge(form.survivorId(), form.survivorVersion(), form.loserId(), form.loserVersion(),
                        form.fields(), me.actor()),
                () -> mergePage(clients.contact(form.survivorId()), clients.contact(form.loserId()), model),
                () -> {
                    Contact kept = clients.contact(form.survivorId());
                    Contact merged = clients.contact(form.loserId());
                    model.addAttribute("form", new PersonMergeForm(form.survivorId(), form.loserId(), kept.version(),
                            merged.version(), form.fromLoser()));
                    return mergePage(kept, merged, model);
                },
                redirect, "flash.people.merged", "/contacts/" + form.survivorId());
    }

    @PostMapping("/person-merges/{id}/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        var merge = merges.find(id).orElseThrow(() -> new NotFoundException("PersonMerge", id));
        try {
            merges.undo(id, me.actor());
        } catch (RuleViolation refused) {
            return MergeFlow.refused(refused, redirect, "/duplicates#people");
        }
        redirect.addFlashAttribute("flash", "flash.merge.undone");
        return "redirect:/contacts/" + merge.loserId();
    }

    private String mergePage(Contact survivor, Contact loser, Model model) {
        if (!(model.getAttribute("form") instanceof PersonMergeForm form)) {
            throw new IllegalStateException("the merge page is shown with its form");
        }
        Set<PersonField> ticked = form.fields();
        ContactDetails kept = survivor.details();
        ContactDetails other = loser.details();
        List<MergeRow> rows = new ArrayList<>();
        for (PersonField field : PersonField.values()) {
            Object a = field.of(kept);
            Object b = field.of(other);
            rows.add(new MergeRow(field, a, code(field, a), b, code(field, b), !Objects.equals(a, b),
                    ticked.contains(field),
                    field.turnsRefusalIntoConsent(kept, other) ? "quality.personMerge.consentOverRefusal" : null));
        }
        model.addAttribute("survivor", new Named(survivor.id(), survivor.fullName()));
        model.addAttribute("loser", new Named(loser.id(), loser.fullName()));
        model.addAttribute("rows", rows);
        model.addAttribute("undoDays", MergeService.UNDO_WINDOW.toDays());
        model.addAttribute("merging", MergePage.PEOPLE);
        return "quality/merge";
    }

    /** The message that words a civility, a channel or a consent; null for the other fields (shown as typed). */
    private static String code(PersonField field, Object value) {
        if (value == null) {
            return null;
        }
        if (field.isConsent()) {
            return "quality.consent." + value;
        }
        return switch (field) {
            case CIVILITY -> "civility." + value;
            case PREFERRED_CHANNEL -> "channel." + value;
            default -> null;
        };
    }

    /** A record as the merge page names it. */
    record Named(Long id, String name) {
    }
}
