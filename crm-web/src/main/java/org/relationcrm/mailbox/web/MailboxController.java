package org.relationcrm.mailbox.web;

import java.util.List;

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

import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.CompanyCard;
import org.relationcrm.client.ContactCard;
import org.relationcrm.mailbox.MailboxService;
import org.relationcrm.mailbox.StoredEmail;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.web.CurrentUser;

/**
 * The queue of unmatched emails: newest first, a page at a time; each one is assigned to a client (found by name,
 * then one of its people if wanted) and becomes an EMAIL interaction on its timeline, or is discarded.
 */
@Controller
class MailboxController {

    /** Companies offered per search on the assign page. */
    static final int CANDIDATES = 10;

    private final MailboxService mailbox;
    private final ClientRecordService records;
    private final MailboxSettings settings;

    MailboxController(MailboxService mailbox, ClientRecordService records, MailboxSettings settings) {
        this.mailbox = mailbox;
        this.records = records;
        this.settings = settings;
    }

    @GetMapping("/mailbox/unmatched")
    String queue(@RequestParam(required = false) String after, Model model) {
        Long cursor = parse(after);
        model.addAttribute("page", mailbox.unmatched(cursor));
        model.addAttribute("paged", cursor != null);
        model.addAttribute("configured", settings.enabled());
        return "mailbox/unmatched";
    }

    @GetMapping("/mailbox/unmatched/{id}")
    String assignPage(@PathVariable long id, @RequestParam(required = false) String q,
                      @RequestParam(required = false) String company, Model model, RedirectAttributes redirect) {
        StoredEmail email = mailbox.get(id);
        if (!email.isUnmatched()) {
            redirect.addFlashAttribute("flash", "flash.mailbox.alreadyHandled");
            return "redirect:/mailbox/unmatched";
        }
        Long companyId = parse(company);
        model.addAttribute("form", new AssignForm(companyId, null, email.version()));
        return assignView(model, email, q, companyId, companyId != null);
    }

    @PostMapping("/mailbox/unmatched/{id}/assign")
    String assign(@PathVariable long id, @Valid @ModelAttribute("form") AssignForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        StoredEmail email = mailbox.get(id);
        if (errors.hasErrors()) {
            return assignView(model, email, null, errors.hasFieldErrors("companyId") ? null : form.companyId(), true);
        }
        try {
            mailbox.assign(id, form.version(), form.companyId(), form.contactId(), me.actor());
        } catch (StaleEditException e) {
            redirect.addFlashAttribute("flash", "flash.mailbox.alreadyHandled");
            return "redirect:/mailbox/unmatched";
        }
        redirect.addFlashAttribute("flash", "flash.mailbox.assigned");
        return "redirect:/mailbox/unmatched";
    }

    @PostMapping("/mailbox/unmatched/{id}/discard")
    String discard(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                   RedirectAttributes redirect) {
        try {
            mailbox.discard(id, version, me.actor());
            redirect.addFlashAttribute("flash", "flash.mailbox.discarded");
        } catch (StaleEditException e) {
            redirect.addFlashAttribute("flash", "flash.mailbox.alreadyHandled");
        }
        return "redirect:/mailbox/unmatched";
    }

    private String assignView(Model model, StoredEmail email, String q, Long companyId, boolean showForm) {
        model.addAttribute("email", email);
        model.addAttribute("showForm", showForm);
        ClientSearch search = new ClientSearch(q, null, null, ClientKind.COMPANY);
        model.addAttribute("q", search.text());
        List<ClientRow> candidates = search.hasText()
                ? records.search(search, null, CANDIDATES).page().rows() : List.of();
        model.addAttribute("candidates", candidates);
        CompanyCard chosen = null;
        List<ContactCard> people = List.of();
        if (companyId != null) {
            chosen = records.companyCard(companyId);
            people = records.peopleForForm(companyId);
        }
        model.addAttribute("company", chosen);
        model.addAttribute("people", people);
        return "mailbox/assign";
    }

    private static Long parse(String number) {
        if (number == null || number.isBlank()) {
            return null;
        }
        try {
            long value = Long.parseLong(number.strip());
            return value > 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
