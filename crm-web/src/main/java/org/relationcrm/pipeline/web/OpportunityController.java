package org.relationcrm.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.catalog.ProductLine;
import org.relationcrm.catalog.ProductLineRepository;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.pipeline.Concession;
import org.relationcrm.pipeline.ConcessionType;
import org.relationcrm.pipeline.Counterpart;
import org.relationcrm.pipeline.LostReason;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.pipeline.ValueKind;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/** A deal: opening it from a client, its page, editing it, moving it, its concessions and their approval. */
@Controller
class OpportunityController {

    private final OpportunityService opportunities;
    private final PipelineService pipeline;
    private final ClientRecordService records;
    private final ProductLineRepository productLines;
    private final UserService users;
    private final PlaybookReadService playbooks;
    private final Clock clock;

    OpportunityController(OpportunityService opportunities, PipelineService pipeline, ClientRecordService records,
                          ProductLineRepository productLines, UserService users, PlaybookReadService playbooks,
                          Clock clock) {
        this.opportunities = opportunities;
        this.pipeline = pipeline;
        this.records = records;
        this.productLines = productLines;
        this.users = users;
        this.playbooks = playbooks;
        this.clock = clock;
    }

    @GetMapping("/clients/{companyId}/opportunities/new")
    String newOpportunity(@PathVariable long companyId, @AuthenticationPrincipal CurrentUser me, Model model) {
        requireSalesOrManager(me);
        model.addAttribute("form", OpportunityForm.blank(me.id(), LocalDate.now(clock)));
        return form(model, companyId, null, me);
    }

    @PostMapping("/clients/{companyId}/opportunities")
    String create(@PathVariable long companyId, @Valid @ModelAttribute("form") OpportunityForm form,
                  BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                  RedirectAttributes redirect) {
        requireSalesOrManager(me);
        checkProductLines(form, errors);
        if (errors.hasErrors()) {
            return form(model, companyId, null, me);
        }
        Opportunity created;
        try {
            created = opportunities.open(companyId, form.stage(), form.toDetails(),
                    new NextStepPlan(form.nextStepAction(), form.nextStepDue()), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return form(model, companyId, null, me);
        }
        redirect.addFlashAttribute("flash", "flash.opportunity.created");
        return "redirect:/opportunities/" + created.id();
    }

    @GetMapping("/opportunities/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Opportunity o = opportunities.load(id);
        model.addAttribute("o", o);
        model.addAttribute("company", records.companyRecord(o.companyId()));
        boolean canManage = o.canBeManagedBy(me.actor());
        model.addAttribute("canManage", canManage);
        model.addAttribute("canApprove", me.can(Permission.APPROVE_CONCESSIONS));
        // a concession given for nothing on an open deal: the negotiation guide, for those who negotiate it
        if (canManage && o.stage().isOpen() && o.concessions().stream().anyMatch(Concession::withoutCounterpart)) {
            playbooks.shown(Situation.PRICE_OBJECTION, me.id()).ifPresent(g -> model.addAttribute("priceGuide", g));
        }
        model.addAttribute("userNames", users.all().stream().collect(Collectors.toMap(User::id, User::fullName)));
        model.addAttribute("lineNames", productLines.findAllByOrderByNameAsc().stream()
                .collect(Collectors.toMap(ProductLine::id, ProductLine::name)));
        model.addAttribute("meetings", pipeline.meetingsOfOpportunity(id));
        model.addAttribute("threshold", pipeline.settings().discountApprovalThreshold());
        if (!model.containsAttribute("concession")) {
            model.addAttribute("concession", ConcessionForm.blank());
        }
        model.addAttribute("concessionTypes", ConcessionType.values());
        model.addAttribute("valueKinds", ValueKind.values());
        model.addAttribute("counterparts", Counterpart.values());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("path", path(o));
        model.addAttribute("pathReached", pathReached(o));
        return "pipeline/opportunity";
    }

    @GetMapping("/opportunities/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Opportunity o = manageable(id, me);
        model.addAttribute("form", OpportunityForm.of(o));
        return form(model, o.companyId(), id, me);
    }

    @PostMapping("/opportunities/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") OpportunityForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        Opportunity o = manageable(id, me);
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        checkProductLines(form, errors);
        if (errors.hasErrors()) {
            return form(model, o.companyId(), id, me);
        }
        try {
            opportunities.revise(id, form.version(), form.toDetails(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return form(model, o.companyId(), id, me);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            Opportunity stored = opportunities.load(id);
            model.addAttribute("currentVersion", stored.version());
            model.addAttribute("stored", stored);
            errors.reject("opportunity.conflict");
            return form(model, o.companyId(), id, me);
        }
        redirect.addFlashAttribute("flash", "flash.opportunity.saved");
        return "redirect:/opportunities/" + id;
    }

    /** The stage form, with the deal's next step pre-filled: how the board moves a deal without JavaScript. */
    @GetMapping("/opportunities/{id}/stage")
    String stageForm(@PathVariable long id, @RequestParam(required = false) Stage to,
                     @AuthenticationPrincipal CurrentUser me, Model model) {
        Opportunity o = manageable(id, me);
        // WON is not offered while a discount waits for a manager: the form says why instead
        Stage asked = to == Stage.WON && o.hasPendingApproval() ? null : to;
        model.addAttribute("form", StageForm.prefilled(o, asked, LocalDate.now(clock)));
        return stageView(model, o);
    }

    @PostMapping("/opportunities/{id}/stage")
    String move(@PathVariable long id, @Valid @ModelAttribute("form") StageForm form, BindingResult errors,
                @RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser me, Model model,
                RedirectAttributes redirect) {
        Opportunity o = manageable(id, me);
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return stageView(model, o);
        }
        try {
            opportunities.moveTo(id, form.version(), form.stage(), form.nextStep(), form.lostReason(),
                    form.lostComment(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return stageView(model, o);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            errors.reject("opportunity.stage.conflict");
            return stageView(model, opportunities.load(id));
        }
        redirect.addFlashAttribute("flash", "flash.opportunity.moved." + (form.stage().isOpen() ? "OPEN" : form.stage()));
        return "/pipeline".equals(back) ? "redirect:/pipeline" : "redirect:/opportunities/" + id;
    }

    /** The follow-up from "My day" or the deal's page: the next step that replaces the one done. */
    @PostMapping("/opportunities/{id}/next-step")
    String followUp(@PathVariable long id, @Valid @ModelAttribute("nextStep") NextStepForm form, BindingResult errors,
                    @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        manageable(id, me);
        if (errors.hasErrors() || form.version() == null) {
            redirect.addFlashAttribute("flash", "flash.nextStep.invalid");
        } else {
            try {
                opportunities.planNextStep(id, form.version(), new NextStepPlan(form.nextStepAction(),
                        form.nextStepDue()), me.actor());
                redirect.addFlashAttribute("flash", "flash.opportunity.nextStep");
            } catch (StaleEditException | OptimisticLockingFailureException e) {
                redirect.addFlashAttribute("flash", "flash.nextStep.conflict");
            }
        }
        return "/".equals(form.back()) ? "redirect:/" : "redirect:/opportunities/" + id;
    }

    @PostMapping("/opportunities/{id}/concessions")
    String grant(@PathVariable long id, @Valid @ModelAttribute("concession") ConcessionForm form, BindingResult errors,
                 @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        manageable(id, me);
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return detail(id, me, model);
        }
        Concession concession;
        try {
            concession = opportunities.grantConcession(id, form.version(), form.type(), form.valueKind(),
                    form.value(), form.counterpart(), form.counterpartDetail(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return detail(id, me, model);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            // Someone changed the deal (maybe granted a concession) since this page: the input is kept, and the
            // page shows the concessions as they are now; saving again applies it to those.
            errors.reject("concession.conflict");
            return detail(id, me, model);
        }
        redirect.addFlashAttribute("flash", concession.isPending() ? "flash.concession.pending"
                : "flash.concession.recorded");
        return "redirect:/opportunities/" + id + "#concessions";
    }

    @PostMapping("/opportunities/{id}/concessions/{concessionId}/approve")
    String approve(@PathVariable long id, @PathVariable long concessionId, @RequestParam(required = false) String back,
                   @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return decide(id, concessionId, true, back, me, model, response, redirect);
    }

    @PostMapping("/opportunities/{id}/concessions/{concessionId}/reject")
    String reject(@PathVariable long id, @PathVariable long concessionId, @RequestParam(required = false) String back,
                  @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return decide(id, concessionId, false, back, me, model, response, redirect);
    }

    /** A concession decided twice (two managers, two tabs) is decided once: the second is told so, with a 409. */
    private String decide(long id, long concessionId, boolean approve, String back, CurrentUser me, Model model,
                          HttpServletResponse response, RedirectAttributes redirect) {
        String backUrl = "/concessions/pending".equals(back) ? "/concessions/pending" : "/opportunities/" + id;
        try {
            opportunities.decideConcession(id, concessionId, approve, me.actor());
        } catch (IllegalStateException | OptimisticLockingFailureException e) {
            model.addAttribute("doneKey", "done.concession");
            model.addAttribute("backUrl", backUrl);
            model.addAttribute("backKey", "done.concession.back");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "error/already-done";
        }
        redirect.addFlashAttribute("flash", approve ? "flash.concession.approved" : "flash.concession.rejected");
        return "redirect:" + backUrl;
    }

    @GetMapping("/concessions/pending")
    String pending(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("pending", pipeline.pendingConcessions(me.actor()));
        return "pipeline/concessions";
    }

    /** The stages of the deal's progress bar: the open ones, then how it ends (won, or lost when it was). */
    private static List<Stage> path(Opportunity o) {
        List<Stage> path = new ArrayList<>(List.of(Stage.open()));
        path.add(o.stage() == Stage.LOST ? Stage.LOST : Stage.WON);
        return path;
    }

    /** How far the deal went: stages before this position are passed (a lost deal passed those up to its last one). */
    private static int pathReached(Opportunity o) {
        return switch (o.stage()) {
            case WON -> Stage.WON.ordinal();
            case LOST -> o.stageChanges().getLast().fromStage().ordinal() + 1;
            default -> o.stage().ordinal();
        };
    }

    private String stageView(Model model, Opportunity o) {
        model.addAttribute("o", o);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("lostReasons", LostReason.values());
        return "pipeline/stage-form";
    }

    private String form(Model model, long companyId, Long opportunityId, CurrentUser me) {
        var record = records.companyRecord(companyId);
        model.addAttribute("company", record.company());
        model.addAttribute("people", record.contacts());
        model.addAttribute("opportunityId", opportunityId);
        model.addAttribute("openStages", Stage.open());
        model.addAttribute("sources", OpportunitySource.values());
        model.addAttribute("lines", productLines.findAllByActiveTrueOrderByNameAsc());
        model.addAttribute("owners", me.can(Permission.MANAGE_ALL_DEALS)
                ? users.all().stream().filter(u -> u.enabled() && u.role().grants(Permission.MANAGE_DEALS)).toList()
                : users.all().stream().filter(u -> u.id() == me.id()).toList());
        return "pipeline/opportunity-form";
    }

    private Opportunity manageable(long id, CurrentUser me) {
        Opportunity o = opportunities.load(id);
        if (!o.canBeManagedBy(me.actor())) {
            throw new ForbiddenActionException("only the owner or a manager manages this opportunity");
        }
        return o;
    }

    private static void requireSalesOrManager(CurrentUser me) {
        if (!me.can(Permission.MANAGE_DEALS)) {
            throw new ForbiddenActionException("role " + me.role() + " does not manage opportunities");
        }
    }

    /** Product lines are ticked from the catalogue: an id that is not there is refused next to the boxes. */
    private void checkProductLines(OpportunityForm form, BindingResult errors) {
        if (form.productLineIds() != null && !form.productLineIds().isEmpty()
                && productLines.findAllByIdIn(form.productLineIds()).size() != form.productLineIds().size()) {
            errors.rejectValue("productLineIds", "opportunity.productLines.unknown");
        }
    }
}
