package org.relationcrm.feedback.web;

import java.util.List;

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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintQueue;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.Severity;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/** The complaints queue, a complaint's page, and every step of its handling. */
@Controller
class ComplaintController {

    /** The page shown, with a 409, when a step was already taken. */
    static final String ALREADY_DONE = "error/already-done";

    private final ComplaintService complaints;
    private final FeedbackReadService reads;
    private final ClientRecordService records;
    private final UserService users;

    ComplaintController(ComplaintService complaints, FeedbackReadService reads, ClientRecordService records,
                        UserService users) {
        this.complaints = complaints;
        this.reads = reads;
        this.records = records;
        this.users = users;
    }

    @GetMapping("/complaints")
    String queue(@RequestParam(defaultValue = "ALL") ComplaintQueue queue, @RequestParam(required = false) String after,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("queue", queue);
        model.addAttribute("queues", ComplaintQueue.values());
        model.addAttribute("page", reads.queue(queue, me.id(), after == null || after.isBlank() ? null : after));
        return htmx != null ? "complaints/queue :: rows" : "complaints/queue";
    }

    @GetMapping("/clients/{companyId}/complaints/new")
    String newComplaint(@PathVariable long companyId, @RequestParam(required = false) Long contact,
                        @AuthenticationPrincipal CurrentUser me, Model model) {
        ComplaintForm blank = ComplaintForm.blank(defaultOwner(me));
        model.addAttribute("form", new ComplaintForm(contact, blank.channel(), null, blank.severity(), null,
                blank.ownerId()));
        return form(companyId, model);
    }

    @PostMapping("/clients/{companyId}/complaints")
    String open(@PathVariable long companyId, @Valid @ModelAttribute("form") ComplaintForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(companyId, model);
        }
        Complaint complaint = complaints.open(form.toCommand(companyId), form.ownerId(), me.actor());
        redirect.addFlashAttribute("flash", "flash.complaint.opened");
        return "redirect:/complaints/" + complaint.id();
    }

    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        if (!model.containsAttribute("escalation")) {
            model.addAttribute("escalation", new EscalationForm(null, null));
        }
        if (!model.containsAttribute("resolution")) {
            model.addAttribute("resolution", new ResolutionForm(null, null, null));
        }
        Complaint complaint = complaints.get(id);
        model.addAttribute("complaint", complaint);
        model.addAttribute("row", reads.complaint(id));
        model.addAttribute("canHandle", me.can(Permission.HANDLE_COMPLAINTS)
                && (!complaint.needsManager() || me.can(Permission.HANDLE_ESCALATED_COMPLAINTS)));
        model.addAttribute("rootCauses", RootCause.values());
        return "complaints/detail";
    }

    @PostMapping("/complaints/{id}/start")
    String start(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return once(id, me, model, response, () -> complaints.startHandling(id, version, me.actor()),
                redirect, "flash.complaint.started");
    }

    @PostMapping("/complaints/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam long version,
                    @Valid @ModelAttribute("escalation") EscalationForm form,
                    BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                return once(id, me, model, response,
                        () -> complaints.escalate(id, version, form.level(), form.reason(), me.actor()),
                        redirect, "flash.complaint.escalated");
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        model.addAttribute("resolution", new ResolutionForm(null, null, null));
        return detail(id, me, model);
    }

    @PostMapping("/complaints/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam long version,
                   @Valid @ModelAttribute("resolution") ResolutionForm form,
                   BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            model.addAttribute("escalation", new EscalationForm(null, null));
            return detail(id, me, model);
        }
        return once(id, me, model, response, () -> complaints.resolve(id, version, form.resolution(),
                form.rootCause(), form.rootCauseDetail(), me.actor()), redirect, "flash.complaint.resolved");
    }

    @PostMapping("/complaints/{id}/close")
    String close(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return once(id, me, model, response, () -> complaints.close(id, version, me.actor()),
                redirect, "flash.complaint.closed");
    }

    @PostMapping("/complaints/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return once(id, me, model, response, () -> complaints.reopen(id, version, me.actor()),
                redirect, "flash.complaint.reopened");
    }

    /**
     * Runs one step of the handling, acted on the version the agent saw. If the complaint moved on meanwhile (a
     * colleague, another tab, the same click sent twice, or two at the very same moment), nothing is done twice:
     * the agent gets a page saying it was already done, and the complaint's state now.
     */
    private String once(long id, CurrentUser me, Model model, HttpServletResponse response, Runnable step,
                        RedirectAttributes redirect, String flash) {
        try {
            step.run();
        } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
            model.addAttribute("doneKey", "done.complaint");
            model.addAttribute("doneStatus", complaints.get(id).status());
            model.addAttribute("backUrl", "/complaints/" + id);
            model.addAttribute("backKey", "done.complaint.back");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return ALREADY_DONE;
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/complaints/" + id;
    }

    private long defaultOwner(CurrentUser me) {
        if (me.can(Permission.HANDLE_COMPLAINTS)) {
            return me.id();
        }
        // a first-line handler (one not kept for escalated complaints) before a manager
        return handlers().stream().filter(u -> !u.role().grants(Permission.HANDLE_ESCALATED_COMPLAINTS)).findFirst()
                .or(() -> handlers().stream().findFirst()).map(User::id).orElse(me.id());
    }

    private List<User> handlers() {
        return users.all().stream().filter(u -> u.enabled() && u.role().grants(Permission.HANDLE_COMPLAINTS)).toList();
    }

    private String form(long companyId, Model model) {
        var record = records.companyRecord(companyId);
        model.addAttribute("companyId", companyId);
        model.addAttribute("clientName", record.company().name());
        model.addAttribute("people", record.contacts());
        model.addAttribute("handlers", handlers());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("severities", Severity.values());
        return "complaints/form";
    }
}
