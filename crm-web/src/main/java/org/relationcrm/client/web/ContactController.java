package org.relationcrm.client.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
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

import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.ConsentRecording;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.DuplicateHint;
import org.relationcrm.client.DuplicateReason;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.web.AlreadyDone;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;

/** People: in a company or private customers. Anyone who learns something about a person may write it down. */
@Controller
class ContactController {

    private static final List<Conflicts.Field<ContactDetails>> CONTACT_FIELDS = List.of(
            new Conflicts.Field<>("contact.civility", ContactDetails::civility),
            new Conflicts.Field<>("contact.firstName", ContactDetails::firstName),
            new Conflicts.Field<>("contact.lastName", ContactDetails::lastName),
            new Conflicts.Field<>("contact.preferredName", ContactDetails::preferredName),
            new Conflicts.Field<>("contact.jobTitle", ContactDetails::jobTitle),
            new Conflicts.Field<>("contact.email", ContactDetails::email),
            new Conflicts.Field<>("contact.phone", ContactDetails::phone),
            new Conflicts.Field<>("contact.mobile", ContactDetails::mobile),
            new Conflicts.Field<>("contact.city", ContactDetails::city),
            new Conflicts.Field<>("contact.preferredChannel", ContactDetails::preferredChannel),
            new Conflicts.Field<>("contact.language", ContactDetails::language),
            new Conflicts.Field<>("contact.personalNotes", ContactDetails::personalNotes),
            new Conflicts.Field<>("contact.preferences", ContactDetails::preferences));

    private final ClientService clients;
    private final ClientRecordService records;
    private final PersonCards personCards;

    ContactController(ClientService clients, ClientRecordService records, PersonCards personCards) {
        this.clients = clients;
        this.records = records;
        this.personCards = personCards;
    }

    /** Everyone at a company, 50 per page, for companies with more people than the 360° page shows. */
    @GetMapping("/clients/{companyId}/contacts")
    String people(@PathVariable long companyId, @RequestParam(defaultValue = "0") int page,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        var people = records.peopleOf(companyId, page);
        boolean more = people.size() > ClientRecordService.PEOPLE_PAGE;
        model.addAttribute("company", records.companyCard(companyId));
        model.addAttribute("personCards", personCards.html(more ? people.subList(0, ClientRecordService.PEOPLE_PAGE) : people,
                true, me.can(Permission.LOG_INTERACTIONS)));
        model.addAttribute("page", page);
        model.addAttribute("more", more);
        return "clients/people";
    }

    @GetMapping("/clients/{companyId}/contacts/new")
    String newContact(@PathVariable long companyId, Model model) {
        model.addAttribute("company", clients.company(companyId));
        model.addAttribute("form", ContactForm.blank());
        return contactForm(model, null);
    }

    @PostMapping("/clients/{companyId}/contacts")
    String addContact(@PathVariable long companyId, @Valid @ModelAttribute("form") ContactForm form,
                      BindingResult errors, Model model, RedirectAttributes redirect,
                      @AuthenticationPrincipal CurrentUser me) {
        checkDates(form, errors);
        if (errors.hasErrors() || !form.confirmedAnyway() && showDuplicates(form, companyId, null, EnumSet.allOf(DuplicateReason.class), model)) {
            model.addAttribute("company", clients.company(companyId));
            return contactForm(model, null);
        }
        try {
            clients.addContact(companyId, form.toDetails(), ConsentRecording.form(me.id()));
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            model.addAttribute("company", clients.company(companyId));
            return contactForm(model, null);
        }
        redirect.addFlashAttribute("flash", "flash.contact.created");
        return "redirect:/clients/" + companyId;
    }

    @GetMapping("/contacts/new")
    String newPrivateCustomer(Model model) {
        model.addAttribute("form", ContactForm.blank());
        return contactForm(model, null);
    }

    @PostMapping("/contacts")
    String addPrivateCustomer(@Valid @ModelAttribute("form") ContactForm form, BindingResult errors, Model model,
                              RedirectAttributes redirect, @AuthenticationPrincipal CurrentUser me) {
        checkDates(form, errors);
        if (errors.hasErrors() || !form.confirmedAnyway() && showDuplicates(form, null, null, EnumSet.allOf(DuplicateReason.class), model)) {
            return contactForm(model, null);
        }
        Contact person;
        try {
            person = clients.addPrivateCustomer(form.toDetails(), ConsentRecording.form(me.id()));
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return contactForm(model, null);
        }
        redirect.addFlashAttribute("flash", "flash.contact.created");
        return "redirect:/contacts/" + person.id();
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        Contact contact = clients.contact(id);
        model.addAttribute("form", ContactForm.of(contact.details(), contact.version()));
        if (contact.companyId() != null) {
            model.addAttribute("company", clients.company(contact.companyId()));
        }
        return contactForm(model, id);
    }

    @PostMapping("/contacts/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") ContactForm form, BindingResult errors,
                  Model model, RedirectAttributes redirect, @AuthenticationPrincipal CurrentUser me) {
        checkDates(form, errors);
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        Contact contact = clients.contact(id);
        if (contact.companyId() != null) {
            model.addAttribute("company", clients.company(contact.companyId()));
        }
        if (errors.hasErrors() || !form.confirmedAnyway()
                && showDuplicates(form, contact.companyId(), id, changedIdentity(contact, form), model)) {
            return contactForm(model, id);
        }
        try {
            clients.reviseContact(id, form.version(), form.toDetails(), ConsentRecording.form(me.id()));
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return contactForm(model, id);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            Contact stored = clients.contact(id);
            model.addAttribute("conflicts", Conflicts.between(stored.details(), form.toDetails(), CONTACT_FIELDS));
            model.addAttribute("currentVersion", stored.version());
            errors.reject("edit.conflict");
            return contactForm(model, id);
        }
        redirect.addFlashAttribute("flash", "flash.changes.saved");
        return "redirect:" + (contact.companyId() != null ? "/clients/" + contact.companyId() : "/contacts/" + id);
    }

    @PostMapping("/contacts/{id}/primary")
    String makePrimary(@PathVariable long id, @RequestParam long version, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        try {
            clients.makePrimary(id, version);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            Long companyId = clients.contact(id).companyId();
            return AlreadyDone.page(model, response, "done.primaryContact",
                    companyId != null ? "/clients/" + companyId : "/contacts/" + id, "done.primaryContact.back");
        }
        Contact contact = clients.contact(id);
        redirect.addFlashAttribute("flash", "flash.contact.primary");
        return "redirect:/clients/" + contact.companyId();
    }

    /**
     * A date row needs both a label and a date, and a label alone is a typo worth pointing at. Rows are the form's:
     * the person's own rules (how many dates, valid email...) are {@link Contact}'s.
     */
    private static void checkDates(ContactForm form, BindingResult errors) {
        for (int i = 0; i < form.importantDates().size(); i++) {
            ContactForm.DateRow row = form.importantDates().get(i);
            if (row.isBlank()) {
                continue;
            }
            if (row.label() == null || row.label().isBlank()) {
                errors.rejectValue("importantDates[" + i + "].label", "contact.importantDate.labelRequired");
            }
            if (row.date() == null) {
                errors.rejectValue("importantDates[" + i + "].date", "contact.importantDate.dateRequired");
            }
        }
    }

    /**
     * Puts on the form the people who look like this one for one of the {@code reasons} (same email or phone,
     * similar name); true if any.
     */
    private boolean showDuplicates(ContactForm form, Long companyId, Long exceptId, Set<DuplicateReason> reasons,
                                   Model model) {
        if (reasons.isEmpty()) {
            return false;
        }
        List<DuplicateHint> hints = clients.likelyDuplicates(form.toDetails(), companyId, exceptId).stream()
                .filter(h -> h.reasons().stream().anyMatch(reasons::contains)).toList();
        if (hints.isEmpty()) {
            return false;
        }
        model.addAttribute("duplicates", hints);
        return true;
    }

    /**
     * On an edit, the likenesses the edit brings: a new email or a new phone. A person whose phone is shared with
     * others is not warned again about it on every edit.
     */
    private static Set<DuplicateReason> changedIdentity(Contact stored, ContactForm form) {
        ContactDetails before = stored.details();
        ContactDetails typed = form.toDetails();
        Set<DuplicateReason> changed = EnumSet.noneOf(DuplicateReason.class);
        if (!same(before.email(), typed.email())) {
            changed.add(DuplicateReason.EMAIL);
        }
        if (!same(before.phone(), typed.phone()) || !same(before.mobile(), typed.mobile())) {
            changed.add(DuplicateReason.PHONE);
        }
        // a new name or city on an edit is not checked: renaming a person (a married name, a typo) is a correction of
        // that person, and a namesake in the same town is not news about them
        return changed;
    }

    /** The same value as stored, a blank field being the null the record keeps. */
    static boolean same(String stored, String typed) {
        return Objects.equals(stored == null || stored.isBlank() ? null : stored.strip(),
                typed == null || typed.isBlank() ? null : typed.strip());
    }

    private String contactForm(Model model, Long contactId) {
        model.addAttribute("contactId", contactId);
        model.addAttribute("civilities", Civility.values());
        model.addAttribute("channels", Channel.values());
        return "contacts/form";
    }
}
