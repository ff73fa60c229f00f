package org.relationcrm.client.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientResults;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.ClientSubsets;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.DuplicateHint;
import org.relationcrm.client.DuplicateReason;
import org.relationcrm.client.SirenTakenException;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.shared.web.ListLinks;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.SortDirection;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/** The clients list and the company form (the company's 360° record is the record module's). */
@Controller
class ClientController {

    static final int LIST_PAGE_SIZE = 25;

    private static final List<Conflicts.Field<CompanyDetails>> COMPANY_FIELDS = List.of(
            new Conflicts.Field<>("company.name", CompanyDetails::name),
            new Conflicts.Field<>("company.legalId", CompanyDetails::legalId),
            new Conflicts.Field<>("company.sector", CompanyDetails::sector),
            new Conflicts.Field<>("company.size", CompanyDetails::size),
            new Conflicts.Field<>("company.street", CompanyDetails::street),
            new Conflicts.Field<>("company.postalCode", CompanyDetails::postalCode),
            new Conflicts.Field<>("company.city", CompanyDetails::city),
            new Conflicts.Field<>("company.country", CompanyDetails::country),
            new Conflicts.Field<>("company.website", CompanyDetails::website),
            new Conflicts.Field<>("company.phone", CompanyDetails::phone),
            new Conflicts.Field<>("company.status", CompanyDetails::status),
            new Conflicts.Field<>("company.owner", CompanyDetails::ownerId),
            new Conflicts.Field<>("company.notes", CompanyDetails::notes));

    private final ClientRecordService records;
    private final ClientService clients;
    private final UserService users;
    private final ObjectProvider<ClientSubsets> subsets;
    private final ClientRows clientRows;

    ClientController(ClientRecordService records, ClientService clients, UserService users,
                     ObjectProvider<ClientSubsets> subsets, ClientRows clientRows) {
        this.records = records;
        this.clientRows = clientRows;
        this.clients = clients;
        this.users = users;
        this.subsets = subsets;
    }

    @GetMapping("/clients")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CompanyStatus status,
                @RequestParam(required = false) ClientKind kind, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) ClientSearch.Match match, @RequestParam(required = false) String after,
                @RequestParam(required = false) ClientSort sort, @RequestParam(required = false) SortDirection dir,
                @RequestParam(required = false) Long segment, @AuthenticationPrincipal CurrentUser me,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ListSort<ClientSort> sorted = ListSort.of(sort, dir, ClientSort.byDefault());
        SortCursor cursor = SortCursor.decode(after, sorted);
        // the saved subsets (segments) this user may apply, for the filter's choices (not needed by an htmx search,
        // which renders the results alone) and to check the one asked for: another's private one is not found
        ClientSubsets offered = subsets.getIfAvailable();
        List<ClientSubsets.ClientSubset> available = offered == null || (htmx != null && segment == null) ? List.of()
                : offered.available(me.actor());
        if (segment != null && available.stream().noneMatch(s -> s.id() == segment)) {
            throw new NotFoundException("Segment", segment);
        }
        ClientResults results = records.search(new ClientSearch(q, status, owner, kind, match, segment), sorted,
                cursor, LIST_PAGE_SIZE);
        ClientSearch search = results.search();
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("q", search.text());
        filters.put("status", search.status());
        filters.put("kind", search.kind());
        filters.put("owner", search.ownerId());
        filters.put("match", search.match());
        filters.put("segment", search.subsetId());
        model.addAttribute("search", search);
        model.addAttribute("sort", sorted);
        model.addAttribute("links", new ListLinks("/clients", filters, sorted));
        ListLinks exports = new ListLinks("/clients/export", filters, sorted);
        model.addAttribute("exportLink", exports.first());
        model.addAttribute("exportXlsxLink", exports.with("format", "XLSX"));
        model.addAttribute("page", results.page());
        model.addAttribute("rows", clientRows.html(results.page().rows()));
        model.addAttribute("paged", cursor != null);
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("kinds", ClientKind.values());
        model.addAttribute("subsets", available);
        return htmx != null ? "clients/list :: results" : "clients/list";
    }

    @GetMapping("/clients/new")
    String newCompany(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("form", CompanyForm.blank(me.id()));
        return companyForm(model, null);
    }

    @PostMapping("/clients")
    String create(@Valid @ModelAttribute("form") CompanyForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return companyForm(model, null);
        }
        if (!form.confirmedAnyway() && showDuplicates(form, null, java.util.EnumSet.allOf(DuplicateReason.class), model)) {
            return companyForm(model, null);
        }
        Company company;
        try {
            company = clients.createCompany(form.toDetails(), me.actor());
        } catch (RuleViolation broken) {
            showViolation(broken, errors, model);
            return companyForm(model, null);
        } catch (DataIntegrityViolationException race) {
            sirenTakenMeanwhile(race, form, null, errors, model);
            return companyForm(model, null);
        }
        redirect.addFlashAttribute("flash", "flash.company.created");
        return "redirect:/clients/" + company.id();
    }

    @GetMapping("/clients/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Company company = clients.company(id);
        if (!company.canBeEditedBy(me.actor())) {
            throw new ForbiddenActionException("only the owner, a manager or an administrator can edit this company");
        }
        model.addAttribute("form", CompanyForm.of(company.details(), company.version()));
        return companyForm(model, id);
    }

    @PostMapping("/clients/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") CompanyForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return companyForm(model, id);
        }
        if (!form.confirmedAnyway() && showDuplicates(form, id, changedIdentity(id, form), model)) {
            return companyForm(model, id);
        }
        try {
            clients.reviseCompany(id, form.version(), form.toDetails(), me.actor());
        } catch (RuleViolation broken) {
            showViolation(broken, errors, model);
            return companyForm(model, id);
        } catch (DataIntegrityViolationException race) {
            sirenTakenMeanwhile(race, form, id, errors, model);
            return companyForm(model, id);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            // Someone saved first: keep what this user typed, show what is stored now, and let them decide.
            Company stored = clients.company(id);
            model.addAttribute("conflicts", Conflicts.between(stored.details(), form.toDetails(), COMPANY_FIELDS));
            model.addAttribute("currentVersion", stored.version());
            errors.reject("edit.conflict");
            return companyForm(model, id);
        }
        redirect.addFlashAttribute("flash", "flash.changes.saved");
        return "redirect:/clients/" + id;
    }

    /**
     * Puts the likely duplicates on the form and answers whether there are any: the user then sees them, with a
     * link to each, and saves again with "create anyway" (a SIREN already held is refused on save regardless).
     */
    private boolean showDuplicates(CompanyForm form, Long exceptId, java.util.Set<DuplicateReason> reasons,
                                   Model model) {
        if (reasons.isEmpty()) {
            return false;
        }
        List<DuplicateHint> hints = clients.likelyDuplicates(form.toDetails(), exceptId);
        if (hints.stream().anyMatch(h -> h.reasons().contains(DuplicateReason.SIREN))) {
            return false; // a SIREN held by another company is refused on save, with its own message: no "anyway"
        }
        hints = hints.stream().filter(h -> h.reasons().stream().anyMatch(reasons::contains)).toList();
        if (hints.isEmpty()) {
            return false;
        }
        model.addAttribute("duplicates", hints);
        return true;
    }

    /**
     * On an edit, the likenesses the edit brings (a new phone, a new name or city): a company is not warned again
     * about a likeness it already had. A new SIREN is checked on save whatever this says.
     */
    private java.util.Set<DuplicateReason> changedIdentity(long id, CompanyForm form) {
        CompanyDetails stored = clients.company(id).details();
        CompanyDetails typed = form.toDetails();
        java.util.Set<DuplicateReason> changed = java.util.EnumSet.noneOf(DuplicateReason.class);
        if (!ContactController.same(stored.phone(), typed.phone())) {
            changed.add(DuplicateReason.PHONE);
        }
        if (!ContactController.same(stored.name(), typed.name()) || !ContactController.same(stored.city(), typed.city())) {
            changed.add(DuplicateReason.NAME_CITY);
        }
        return changed;
    }

    private static void showViolation(RuleViolation broken, BindingResult errors, Model model) {
        FormErrors.show(broken, errors);
        if (broken instanceof SirenTakenException taken) {
            model.addAttribute("sirenHolderId", taken.holderId());
        }
    }

    /**
     * Two users saved the same SIREN at the same moment: the unique index refused the second. Tell them as the check
     * before saving would have; any other integrity failure is not a form error and goes on as one.
     */
    private void sirenTakenMeanwhile(DataIntegrityViolationException race, CompanyForm form, Long exceptId,
                                     BindingResult errors, Model model) {
        if (race.getMessage() == null || !race.getMessage().contains(Company.SIREN_UNIQUE_INDEX)) {
            throw race;
        }
        DuplicateHint holder = clients.sirenHolder(form.legalId(), exceptId).orElseThrow(() -> race);
        showViolation(new SirenTakenException(holder.id(), holder.name()), errors, model);
    }

    private String companyForm(Model model, Long companyId) {
        model.addAttribute("companyId", companyId);
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("sizes", CompanySize.values());
        model.addAttribute("owners", users.all().stream().filter(u -> u.enabled()).toList());
        return "clients/form";
    }
}
