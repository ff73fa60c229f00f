package org.relationcrm.quality.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
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
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.quality.DuplicatesService;
import org.relationcrm.quality.MergeField;
import org.relationcrm.quality.MergeService;
import org.relationcrm.quality.PairCursor;
import org.relationcrm.quality.PersonMergeService;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * Data quality for managers and administrators: the possible duplicates (a page of pairs by score, refresh, "not a
 * duplicate"), the merge form (which record survives, which value to keep field by field), and the undo of a merge.
 */
@Controller
class QualityController {

    static final int RECENT_MERGES = 20;

    private final DuplicatesService duplicates;
    private final MergeService merges;
    private final ClientService clients;
    private final UserService users;
    private final PersonMergeService personMerges;

    QualityController(DuplicatesService duplicates, MergeService merges, ClientService clients, UserService users,
                      PersonMergeService personMerges) {
        this.personMerges = personMerges;
        this.duplicates = duplicates;
        this.merges = merges;
        this.clients = clients;
        this.users = users;
    }

    @GetMapping("/duplicates")
    String list(@RequestParam(required = false) String after, @RequestParam(required = false) String peopleAfter,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        PairCursor cursor = PairCursor.parse(after);
        model.addAttribute("page", duplicates.page(cursor, me.actor()));
        model.addAttribute("paged", cursor != null);
        model.addAttribute("companiesAfter", cursor);
        model.addAttribute("merges", merges.recent(RECENT_MERGES));
        PairCursor peopleCursor = PairCursor.parse(peopleAfter);
        model.addAttribute("people", duplicates.peoplePage(peopleCursor, me.actor()));
        model.addAttribute("peoplePaged", peopleCursor != null);
        model.addAttribute("personMerges", personMerges.recent(RECENT_MERGES));
        model.addAttribute("undoDays", MergeService.UNDO_WINDOW.toDays());
        return "quality/duplicates";
    }

    @PostMapping("/duplicates/refresh")
    String refresh(@AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        duplicates.refresh(me.actor());
        redirect.addFlashAttribute("flash", "flash.duplicates.refreshed");
        return "redirect:/duplicates";
    }

    @PostMapping("/duplicates/dismiss")
    String dismiss(@RequestParam long first, @RequestParam long second, @AuthenticationPrincipal CurrentUser me,
                   RedirectAttributes redirect) {
        duplicates.dismiss(first, second, me.actor());
        redirect.addFlashAttribute("flash", "flash.duplicates.dismissed");
        return "redirect:/duplicates";
    }

    /** The merge form: {@code survivor} keeps its id and history, {@code loser}'s moves into it. */
    @GetMapping("/duplicates/merge")
    String mergeForm(@RequestParam long survivor, @RequestParam long loser, Model model,
                     RedirectAttributes redirect) {
        if (survivor == loser) { // the post would refuse it: say so before the user fills the form
            redirect.addFlashAttribute("refused", MergeService.SAME_COMPANY);
            return "redirect:/duplicates";
        }
        Company kept = clients.company(survivor);
        Company merged = clients.company(loser);
        model.addAttribute("form", new MergeForm(survivor, loser, kept.version(), merged.version(),
                defaultChoice(kept.details(), merged.details())));
        return mergePage(kept, merged, model);
    }

    @PostMapping("/duplicates/merge")
    String merge(@Valid @ModelAttribute("form") MergeForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (form.survivorId() == null || form.loserId() == null) {
            throw new IllegalArgumentException("which two records to merge is missing"); // a 400: no form to show
        }
        return MergeFlow.submit(errors,
                () -> merges.merge(form.survivorId(), form.survivorVersion(), form.loserId(), form.loserVersion(),
                        form.fields(), me.actor()),
                () -> mergePage(clients.company(form.survivorId()), clients.company(form.loserId()), model),
                () -> {
                    Company kept = clients.company(form.survivorId());
                    Company merged = clients.company(form.loserId());
                    model.addAttribute("form", new MergeForm(form.survivorId(), form.loserId(), kept.version(),
                            merged.version(), form.fromLoser()));
                    return mergePage(kept, merged, model);
                },
                redirect, "flash.companies.merged", "/clients/" + form.survivorId());
    }

    @PostMapping("/merges/{id}/undo")
    String undo(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        var merge = merges.find(id).orElseThrow(() -> new org.relationcrm.shared.NotFoundException("Merge", id));
        try {
            merges.undo(id, me.actor());
        } catch (RuleViolation refused) {
            return MergeFlow.refused(refused, redirect, "/duplicates");
        } catch (DataIntegrityViolationException sirenTaken) {
            // since the merge, another company took a SIREN one of the two had: the undo cannot give it back
            if (sirenTaken.getMessage() == null || !sirenTaken.getMessage().contains(Company.SIREN_UNIQUE_INDEX)) {
                throw sirenTaken;
            }
            redirect.addFlashAttribute("refused", MergeService.UNDO_SIREN_TAKEN);
            return "redirect:/duplicates";
        }
        redirect.addFlashAttribute("flash", "flash.merge.undone");
        return "redirect:/clients/" + merge.loserId();
    }

    private String mergePage(Company survivor, Company loser, Model model) {
        MergeForm form = (MergeForm) model.getAttribute("form");
        Set<MergeField> ticked = form == null ? Set.of() : form.fields();
        List<MergeRow> rows = new ArrayList<>();
        for (MergeField field : MergeField.values()) {
            Object kept = shown(field, survivor.details());
            Object other = shown(field, loser.details());
            rows.add(new MergeRow(field, kept, code(field, kept), other, code(field, other), !Objects.equals(kept, other),
                    ticked.contains(field), null));
        }
        model.addAttribute("survivor", survivor);
        model.addAttribute("loser", loser);
        model.addAttribute("rows", rows);
        model.addAttribute("undoDays", MergeService.UNDO_WINDOW.toDays());
        model.addAttribute("merging", MergePage.COMPANIES);
        return "quality/merge";
    }

    /** A field's value as the page shows it: the owner by name, the rest as stored (codes go through messages). */
    private Object shown(MergeField field, CompanyDetails details) {
        Object value = field.of(details);
        if (field == MergeField.OWNER) {
            return users.all().stream().filter(u -> u.id() != null && u.id() == details.ownerId()).map(u -> u.fullName()).findFirst()
                    .orElse(String.valueOf(value));
        }
        return value;
    }

    /** The message that words a status or a size; null for the other fields (shown as typed). */
    private static String code(MergeField field, Object value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case STATUS -> "status." + value;
            case SIZE -> "size." + value;
            default -> null;
        };
    }

    /** Ticked at first: the fields the survivor lacks and the merged record has. */
    private static List<MergeField> defaultChoice(CompanyDetails survivor, CompanyDetails loser) {
        List<MergeField> fields = new ArrayList<>();
        for (MergeField field : MergeField.values()) {
            if (field.of(survivor) == null && field.of(loser) != null) {
                fields.add(field);
            }
        }
        return fields;
    }

}
