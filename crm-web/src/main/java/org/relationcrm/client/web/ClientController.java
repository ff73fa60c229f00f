package org.relationcrm.client.web;

import java.util.List;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientCursor;
import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientResults;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.config.CurrentUser;
import org.relationcrm.config.FormErrors;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.TimelineCursor;
import org.relationcrm.interaction.TimelineFilter;
import org.relationcrm.interaction.TimelineScope;
import org.relationcrm.interaction.web.TimelineViews;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserService;

/** The clients list, the company's 360° record, and the company form. */
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
    private final InteractionService interactions;
    private final UserService users;
    private final TimelineViews timelineViews;
    private final RecordCards cards;

    ClientController(ClientRecordService records, ClientService clients, InteractionService interactions,
                     UserService users, TimelineViews timelineViews, RecordCards cards) {
        this.records = records;
        this.clients = clients;
        this.interactions = interactions;
        this.users = users;
        this.timelineViews = timelineViews;
        this.cards = cards;
    }

    @GetMapping("/clients")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) CompanyStatus status,
                @RequestParam(required = false) ClientKind kind, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) ClientSearch.Match match, @RequestParam(required = false) String after,
                @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ClientCursor cursor = after == null || after.isBlank() ? null : ClientCursor.decode(after);
        ClientResults results = records.search(new ClientSearch(q, status, owner, kind, match), cursor, LIST_PAGE_SIZE);
        model.addAttribute("search", results.search());
        model.addAttribute("page", results.page());
        model.addAttribute("paged", cursor != null);
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("kinds", ClientKind.values());
        return htmx != null ? "clients/list :: results" : "clients/list";
    }

    @GetMapping("/clients/{id}")
    String record(@PathVariable long id, @RequestParam(required = false) Channel channel,
                  @RequestParam(required = false) Department department,
                  @RequestParam(required = false) String before,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        var record = records.companyRecord(id);
        TimelineFilter filter = new TimelineFilter(channel, department);
        model.addAttribute("record", record);
        model.addAttribute("canEdit", record.company().canBeEditedBy(me.actor()));
        addTimeline(model, TimelineScope.company(id), filter, before, me);
        cards.addTo(model, id);
        return "clients/detail";
    }

    /** The next page of a timeline; an htmx request gets only the entries, a plain one the whole page. */
    @GetMapping("/clients/{id}/timeline")
    String timeline(@PathVariable long id, @RequestParam(required = false) Channel channel,
                    @RequestParam(required = false) Department department,
                    @RequestParam(required = false) String before,
                    @RequestHeader(value = "HX-Request", required = false) String htmx,
                    @AuthenticationPrincipal CurrentUser me, Model model) {
        if (htmx == null) {
            return record(id, channel, department, before, me, model);
        }
        boolean empty = addTimeline(model, TimelineScope.company(id), new TimelineFilter(channel, department), before, me);
        if (empty) {
            clients.company(id); // 404 for an unknown client (entries prove the client exists: no lookup then)
        }
        return "fragments/timeline :: page";
    }

    /** Adds a page of the timeline to the model; true when the page has no entry. */
    private boolean addTimeline(Model model, TimelineScope scope, TimelineFilter filter, String before, CurrentUser me) {
        TimelineCursor cursor = before == null || before.isBlank() ? null : TimelineCursor.decode(before);
        var page = interactions.timeline(scope, filter, cursor);
        model.addAttribute("timeline", timelineViews.of(page, false, me.can(Permission.LOG_INTERACTIONS)));
        model.addAttribute("filter", filter);
        model.addAttribute("olderPage", cursor != null);
        model.addAttribute("timelineBase", "/clients/" + scope.id());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("departments", Department.values());
        return page.rows().isEmpty();
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
        Company company;
        try {
            company = clients.createCompany(form.toDetails(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
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
        try {
            clients.reviseCompany(id, form.version(), form.toDetails(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
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

    private String companyForm(Model model, Long companyId) {
        model.addAttribute("companyId", companyId);
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("sizes", CompanySize.values());
        model.addAttribute("owners", users.all().stream().filter(u -> u.enabled()).toList());
        return "clients/form";
    }
}
