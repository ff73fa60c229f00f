package org.relationcrm.request.web;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

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

import org.relationcrm.client.ClientService;
import org.relationcrm.request.Request;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestReadService;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.request.web.StepForms.AnswerForm;
import org.relationcrm.request.web.StepForms.DeclineForm;
import org.relationcrm.request.web.StepForms.QuestionForm;
import org.relationcrm.request.web.StepForms.RatingForm;
import org.relationcrm.request.web.StepForms.ReplyForm;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * Requests between departments: the "new request" form (from a client's 360° page, a complaint, a deal), the
 * receiving department's queue, a requester's own requests, a request's page with the steps its reader may take,
 * and the manager's figures.
 */
@Controller
class RequestController {

    private static final String ALREADY_DONE = "error/already-done";

    private final RequestService requests;
    private final RequestReadService reads;
    private final ClientService clients;
    private final UserService users;
    private final Clock clock;

    RequestController(RequestService requests, RequestReadService reads, ClientService clients, UserService users,
                      Clock clock) {
        this.requests = requests;
        this.reads = reads;
        this.clients = clients;
        this.users = users;
        this.clock = clock;
    }

    /**
     * The form, the client's context prefilled: {@code subject} and {@code subjectId} (a complaint, a deal), and
     * optionally the kind and the department a page proposes (a complaint page: a credit note from the order desk).
     */
    @GetMapping("/clients/{companyId}/requests/new")
    String newRequest(@PathVariable long companyId, @RequestParam(required = false) RequestSubject subject,
                      @RequestParam(required = false) Long subjectId, @RequestParam(required = false) RequestKind kind,
                      @RequestParam(required = false) Department to, Model model) {
        boolean about = subject != null && subjectId != null;
        model.addAttribute("form", new RequestForm(to, null, kind, null, null, about ? subject : null,
                about ? subjectId : null));
        return form(companyId, model);
    }

    @PostMapping("/clients/{companyId}/requests")
    String send(@PathVariable long companyId, @Valid @ModelAttribute("form") RequestForm form, BindingResult errors,
                @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                Request request = requests.send(form.toCommand(companyId, clock.getZone()), me.actor());
                redirect.addFlashAttribute("flash", "flash.request.sent");
                return "redirect:/requests/" + request.id();
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        return form(companyId, model);
    }

    /** The queue of the user's department (and what is addressed to them): the nearest due time first. */
    @GetMapping("/requests")
    String queue(@RequestParam(required = false) Long after, @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("page", reads.queue(me.actor(), after));
        model.addAttribute("department", me.actor().department());
        return "requests/queue";
    }

    /** The requester's own requests, the newest first; those waiting on them first of all. */
    @GetMapping("/requests/mine")
    String mine(@RequestParam(required = false) Long after, @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("page", reads.sentBy(me.id(), after));
        if (after == null) {
            model.addAttribute("waiting", reads.waitingOn(me.id()));
        }
        return "requests/mine";
    }

    @GetMapping("/requests/figures")
    String figures(Model model) {
        model.addAttribute("figures", reads.figures());
        return "requests/figures";
    }

    /** A request's page: its context one click away, and the steps this reader may take now. */
    @GetMapping("/requests/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Request request = requests.get(id);
        addIfAbsent(model, "answerForm", new AnswerForm(null));
        addIfAbsent(model, "declineForm", new DeclineForm(null));
        addIfAbsent(model, "questionForm", new QuestionForm(null));
        addIfAbsent(model, "replyForm", new ReplyForm(null));
        addIfAbsent(model, "ratingForm", new RatingForm(null, null));
        model.addAttribute("request", request);
        model.addAttribute("row", reads.request(id));
        model.addAttribute("canHandle", request.mayBeHandledBy(me.actor()) && request.status().inQueue());
        model.addAttribute("isRequester", request.isRequester(me.actor()));
        model.addAttribute("hoursTaken", request.hoursToFirstAnswer());
        model.addAttribute("hoursWaiting", request.firstAnswerAt() == null && request.status().isOpen()
                ? requests.workingHoursSince(request.createdAt()) : null);
        return "requests/detail";
    }

    @PostMapping("/requests/{id}/accept")
    String accept(@PathVariable long id, @RequestParam long version, @AuthenticationPrincipal CurrentUser me,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return once(id, model, response, redirect, "flash.request.accepted",
                () -> requests.accept(id, version, me.actor()));
    }

    @PostMapping("/requests/{id}/done")
    String done(@PathVariable long id, @RequestParam long version, @Valid @ModelAttribute("answerForm") AnswerForm form,
                BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, errors, me, model, response, redirect, "flash.request.done",
                () -> requests.complete(id, version, form.answer(), me.actor()));
    }

    @PostMapping("/requests/{id}/decline")
    String decline(@PathVariable long id, @RequestParam long version,
                   @Valid @ModelAttribute("declineForm") DeclineForm form, BindingResult errors,
                   @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return step(id, errors, me, model, response, redirect, "flash.request.declined",
                () -> requests.decline(id, version, form.reason(), me.actor()));
    }

    @PostMapping("/requests/{id}/ask")
    String ask(@PathVariable long id, @RequestParam long version,
               @Valid @ModelAttribute("questionForm") QuestionForm form, BindingResult errors,
               @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        return step(id, errors, me, model, response, redirect, "flash.request.asked",
                () -> requests.askForInformation(id, version, form.question(), me.actor()));
    }

    @PostMapping("/requests/{id}/reply")
    String reply(@PathVariable long id, @RequestParam long version, @Valid @ModelAttribute("replyForm") ReplyForm form,
                 BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, errors, me, model, response, redirect, "flash.request.replied",
                () -> requests.giveInformation(id, version, form.reply(), me.actor()));
    }

    @PostMapping("/requests/{id}/rate")
    String rate(@PathVariable long id, @RequestParam long version, @Valid @ModelAttribute("ratingForm") RatingForm form,
                BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        return step(id, errors, me, model, response, redirect, "flash.request.rated",
                () -> requests.rate(id, version, form.useful(), form.comment(), me.actor()));
    }

    /** A step with a form: its messages next to its fields (what was typed kept), else {@link #once}. */
    private String step(long id, BindingResult errors, CurrentUser me, Model model, HttpServletResponse response,
                        RedirectAttributes redirect, String flash, Supplier<Request> action) {
        if (!errors.hasErrors()) {
            try {
                return once(id, model, response, redirect, flash, action);
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        return detail(id, me, model);
    }

    /**
     * Runs one step on the version the user saw. If the request moved on meanwhile (a colleague, another tab, the
     * same click twice), nothing is done twice: a page says so, with the request's state now.
     */
    private String once(long id, Model model, HttpServletResponse response, RedirectAttributes redirect, String flash,
                        Supplier<Request> action) {
        try {
            action.get();
        } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
            RequestStatus now = requests.get(id).status();
            model.addAttribute("doneKey", "done.request");
            model.addAttribute("doneStatus", now);
            model.addAttribute("doneStatusKey", "request.status." + now);
            model.addAttribute("backUrl", "/requests/" + id);
            model.addAttribute("backKey", "done.request.back");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return ALREADY_DONE;
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/requests/" + id;
    }

    private String form(long companyId, Model model) {
        model.addAttribute("companyId", companyId);
        model.addAttribute("clientName", clients.company(companyId).name());
        model.addAttribute("departments", Department.values());
        model.addAttribute("kinds", RequestKind.values());
        List<User> people = users.activeAbleTo(Permission.ANSWER_REQUESTS);
        model.addAttribute("people", people);
        return "requests/form";
    }

    private static void addIfAbsent(Model model, String name, Object value) {
        if (!model.containsAttribute(name)) {
            model.addAttribute(name, value);
        }
    }
}
