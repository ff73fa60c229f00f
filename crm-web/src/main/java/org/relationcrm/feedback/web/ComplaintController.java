package org.relationcrm.feedback.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import org.relationcrm.feedback.ComplaintSort;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RootCause;
import org.relationcrm.feedback.Severity;
import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.Situation;
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
    private final PlaybookReadService playbooks;

    ComplaintController(ComplaintService complaints, FeedbackReadService reads, ClientRecordService records,
                        UserService users, PlaybookReadService playbooks) {
        this.complaints = complaints;
        this.reads = reads;
        this.records = records;
        this.users = users;
        this.playbooks = playbooks;
    }

    /** The open complaints of a queue, sorted by a column ({@code sort}, {@code dir}: kept in every link of the page). */
    @GetMapping("/complaints")
    String queue(@RequestParam(defaultValue = "ALL") ComplaintQueue queue,
                 @RequestParam(defaultValue = "RESOLUTION") ComplaintSort.Key sort,
                 @RequestParam(required = false) ComplaintSort.Dir dir, @RequestParam(required = false) String after,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal CurrentUser me, Model model) {
        ComplaintSort order = new ComplaintSort(sort, dir != null ? dir : sort.firstDir());
        model.addAttribute("queue", queue);
        model.addAttribute("queues", ComplaintQueue.values());
        model.addAttribute("sort", order);
        model.addAttribute("sortKeys", ComplaintSort.Key.values());
        model.addAttribute("sortDirs", ComplaintSort.Dir.values());
        model.addAttribute("page", reads.queue(queue, me.id(), order, after == null || after.isBlank() ? null : after));
        return htmx != null ? "complaints/queue :: rows" : "complaints/queue";
    }

    @GetMapping("/clients/{companyId}/complaints/new")
    String newComplaint(@PathVariable long companyId, @RequestParam(required = false) Long contact,
                        @AuthenticationPrincipal CurrentUser me, Model model) {
        ComplaintForm blank = ComplaintForm.blank(defaultOwner(me));
        model.addAttribute("form", new ComplaintForm(contact, blank.channel(), null, blank.severity(), null, null,
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

    /**
     * A complaint's page. Its buttons are those this user may use now ({@link Complaint#mayBeHandledBy}, the rule
     * the service applies too): from level 2 on, only a manager sees them, and the owner shown is that manager.
     */
    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Complaint complaint = complaints.get(id);
        if (!model.containsAttribute("answer")) {
            model.addAttribute("answer", new ResponseForm(complaint.channel(), null));
        }
        if (!model.containsAttribute("escalation")) {
            model.addAttribute("escalation", new EscalationForm(null, null, null));
        }
        if (!model.containsAttribute("resolution")) {
            model.addAttribute("resolution", new ResolutionForm(null, null, null));
        }
        model.addAttribute("complaint", complaint);
        model.addAttribute("row", reads.complaint(id));
        boolean canHandle = complaint.mayBeHandledBy(me.actor());
        model.addAttribute("canHandle", canHandle);
        guides(complaint, canHandle, me, model);
        model.addAttribute("rootCauses", RootCause.values());
        model.addAttribute("channels", Channel.values());
        List<User> handlers = handlers();
        model.addAttribute("managers", handlers.stream()
                .filter(u -> u.role().grants(Permission.HANDLE_ESCALATED_COMPLAINTS)).toList());
        model.addAttribute("agents", handlers.stream()
                .filter(u -> !u.role().grants(Permission.HANDLE_ESCALATED_COMPLAINTS)).toList());
        return "complaints/detail";
    }

    /** "Prendre en charge": the case becomes this agent's, in progress. It tells the client nothing. */
    @PostMapping("/complaints/{id}/start")
    String start(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                 Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return once(id, me, model, response, () -> complaints.takeInHand(id, version, me.actor()),
                redirect, "flash.complaint.started");
    }

    /** The client was answered: logged on the timeline; the first answer is the complaint's first response. */
    @PostMapping("/complaints/{id}/respond")
    String respond(@PathVariable long id, @RequestParam long version, @Valid @ModelAttribute("answer") ResponseForm form,
                   BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                return once(id, me, model, response,
                        () -> complaints.respond(id, version, form.channel(), form.summary(), me.actor()),
                        redirect, "flash.complaint.responded");
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        return detail(id, me, model);
    }

    @PostMapping("/complaints/{id}/escalate")
    String escalate(@PathVariable long id, @RequestParam long version,
                    @Valid @ModelAttribute("escalation") EscalationForm form,
                    BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                return once(id, me, model, response,
                        () -> complaints.escalate(id, version, form.level(), form.reason(), form.ownerId(), me.actor()),
                        redirect, "flash.complaint.escalated");
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        return detail(id, me, model);
    }

    @PostMapping("/complaints/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam long version,
                   @Valid @ModelAttribute("resolution") ResolutionForm form,
                   BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                   HttpServletResponse response, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
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

    /**
     * The guides of an open complaint, read in one statement: how to handle a complaint, and, beside the escalation
     * form of those who may escalate, when and how to escalate. A closed complaint shows none (no statement).
     */
    private void guides(Complaint complaint, boolean canHandle, CurrentUser me, Model model) {
        Set<Situation> situations = EnumSet.noneOf(Situation.class);
        if (complaint.status().isOpen()) {
            situations.add(Situation.COMPLAINT_HANDLING);
            if (canHandle) {
                situations.add(Situation.ESCALATION);
            }
        }
        Map<Situation, Guide> guides = playbooks.shown(situations, me.id());
        model.addAttribute("complaintGuide", guides.get(Situation.COMPLAINT_HANDLING));
        model.addAttribute("escalationGuide", guides.get(Situation.ESCALATION));
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
