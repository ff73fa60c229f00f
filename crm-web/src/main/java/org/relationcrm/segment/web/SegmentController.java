package org.relationcrm.segment.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
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

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.segment.CallListOutcome;
import org.relationcrm.segment.ChurnBand;
import org.relationcrm.segment.ClientCursor;
import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Held;
import org.relationcrm.segment.MessageTemplate;
import org.relationcrm.segment.NpsCategory;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentCount;
import org.relationcrm.segment.SegmentPerson;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.segment.SurveySendOutcome;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * Segments: the list of those a user may use, the editor with its live count (htmx), a segment's clients by keyset,
 * and what a segment becomes: a call list (next steps on the reps' day), a survey send, a CSV export
 * ({@link SegmentExportController}).
 */
@Controller
class SegmentController {

    private final SegmentService segments;
    private final UserService users;
    private final ProductLineAdmin productLines;
    private final MessageSource messages;
    private final Clock clock;

    SegmentController(SegmentService segments, UserService users, ProductLineAdmin productLines,
                      MessageSource messages, Clock clock) {
        this.segments = segments;
        this.users = users;
        this.productLines = productLines;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/segments")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("segments", segments.visible(me.actor()));
        return "segments/list";
    }

    @GetMapping("/segments/new")
    String newSegment(@AuthenticationPrincipal CurrentUser me, Model model) {
        SegmentForm form = SegmentForm.blank();
        model.addAttribute("form", form);
        model.addAttribute("count", countOf(form, me, null));
        return editor(model, null);
    }

    @PostMapping("/segments")
    String create(@Valid @ModelAttribute("form") SegmentForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return editor(model, null);
        }
        try {
            Segment segment = segments.create(form.name(), form.isShared(), form.criteria(), me.actor());
            redirect.addFlashAttribute("flash", "flash.segment.saved");
            return "redirect:/segments/" + segment.id();
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return editor(model, null);
        }
    }

    /** The live count of the editor's criteria: the count fragment (htmx), the criteria as typed. */
    @GetMapping("/segments/count")
    String count(@ModelAttribute("form") SegmentForm form, BindingResult errors,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal CurrentUser me, Model model) {
        if (htmx != null) {
            model.addAttribute("count", hasCriteriaErrors(errors) ? null : countOf(form, me, null));
            return "segments/form :: count";
        }
        // without JavaScript: the editor as typed, its count, the criteria's messages
        model.addAttribute("count", hasCriteriaErrors(errors) ? null : countOf(form, me, errors));
        return editor(model, null);
    }

    /** The count of the criteria typed, or null when they break a rule (shown on the form when {@code errors}). */
    private SegmentCount countOf(SegmentForm form, CurrentUser me, BindingResult errors) {
        try {
            return segments.count(form.criteria(), me.actor());
        } catch (RuleViolation broken) {
            if (errors != null) {
                FormErrors.show(broken, errors);
            }
            return null;
        }
    }

    private static boolean hasCriteriaErrors(BindingResult errors) {
        return errors.getFieldErrors().stream().anyMatch(e -> !e.getField().equals("name"));
    }

    @GetMapping("/segments/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String afterName,
                @RequestParam(required = false) Long afterId,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        Segment segment = segments.get(id, me.actor());
        ClientCursor after = afterName == null || afterId == null ? null : new ClientCursor(afterName, afterId);
        model.addAttribute("segment", segment);
        model.addAttribute("page", segments.clients(id, after, me.actor()));
        model.addAttribute("paged", after != null);
        if (htmx != null && after != null) {
            return "segments/detail :: rows";
        }
        model.addAttribute("count", segments.count(segment.criteria(), me.actor()));
        model.addAttribute("editable", segment.isEditableBy(me.actor()));
        model.addAttribute("author", users.all().stream().filter(u -> u.id() == segment.authorId())
                .map(User::fullName).findFirst().orElse(""));
        describe(model);
        model.addAttribute("surveyKinds", SurveyKind.values());
        model.addAttribute("surveyMinDays", segments.surveyMinDays());
        return "segments/detail";
    }

    @GetMapping("/segments/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Segment segment = segments.get(id, me.actor());
        if (!segment.isEditableBy(me.actor())) {
            throw new org.relationcrm.shared.ForbiddenActionException("only its author changes a segment");
        }
        SegmentForm form = SegmentForm.of(segment);
        model.addAttribute("form", form);
        model.addAttribute("count", countOf(form, me, null));
        return editor(model, id);
    }

    @PostMapping("/segments/{id}")
    String update(@PathVariable long id, @Valid @ModelAttribute("form") SegmentForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (!segments.get(id, me.actor()).isEditableBy(me.actor())) {
            throw new org.relationcrm.shared.ForbiddenActionException("only its author changes a segment");
        }
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return editor(model, id);
        }
        try {
            segments.revise(id, form.version(), form.name(), form.isShared(), form.criteria(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return editor(model, id);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            errors.reject("segment.error.stale");
            return editor(model, id);
        }
        redirect.addFlashAttribute("flash", "flash.segment.saved");
        return "redirect:/segments/" + id;
    }

    @PostMapping("/segments/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) Long version,
                  @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        Segment segment = segments.get(id, me.actor());
        try {
            segments.delete(id, version == null ? segment.version() : version, me.actor());
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("segmentError", "segment.error.stale");
            return "redirect:/segments/" + id;
        }
        redirect.addFlashAttribute("flash", "flash.segment.deleted");
        return "redirect:/segments";
    }

    private String editor(Model model, Long segmentId) {
        model.addAttribute("segmentId", segmentId);
        describe(model);
        model.addAttribute("owners", users.all().stream().filter(User::enabled).toList());
        model.addAttribute("productLines", productLines.all());
        return "segments/form";
    }

    /** The choices of each criterion (the editor's selects and the detail's words). */
    private void describe(Model model) {
        model.addAttribute("statuses", CompanyStatus.values());
        model.addAttribute("sizes", CompanySize.values());
        model.addAttribute("helds", Held.values());
        model.addAttribute("npsCategories", NpsCategory.values());
        model.addAttribute("churnBands", ChurnBand.values());
        model.addAttribute("consents", ConsentChannel.values());
        if (!model.containsAttribute("productLines")) {
            model.addAttribute("productLines", productLines.all());
        }
        if (!model.containsAttribute("owners")) {
            model.addAttribute("owners", users.all());
        }
    }

    // --- call list --------------------------------------------------------------------------------------------

    /** The call list: the template applied to each person of the segment, each message editable before planning. */
    @GetMapping("/segments/{id}/calls")
    String callList(@PathVariable long id, @RequestParam(required = false) String template,
                    @AuthenticationPrincipal CurrentUser me, Model model, Locale locale) {
        Segment segment = segments.get(id, me.actor());
        String text = template == null || template.isBlank()
                ? messages.getMessage("segment.calls.defaultTemplate", null, locale) : template;
        if (text.length() > MessageTemplate.MAX_LENGTH) {
            text = text.substring(0, MessageTemplate.MAX_LENGTH);
        }
        MessageTemplate messageTemplate = new MessageTemplate(text);
        List<SegmentPerson> people = segments.callCandidates(id, me.actor());
        List<CallListForm.Row> rows = new ArrayList<>();
        for (SegmentPerson person : people) {
            rows.add(new CallListForm.Row(person.contactId(), person.consentPhone(),
                    messageTemplate.forPerson(person)));
        }
        model.addAttribute("form", new CallListForm(text, LocalDate.now(clock).plusDays(1), me.id(), rows));
        return callPage(segment, people, me, model);
    }

    @PostMapping("/segments/{id}/calls")
    String planCalls(@PathVariable long id, @Valid @ModelAttribute("form") CallListForm form, BindingResult errors,
                     @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        Segment segment = segments.get(id, me.actor());
        if (!errors.hasErrors()) {
            try {
                CallListOutcome outcome = segments.planCalls(id, form.planned(), form.dueOn(), form.assigneeId(),
                        me.actor());
                redirect.addFlashAttribute("callsPlanned", outcome);
                return "redirect:/segments/" + id;
            } catch (RuleViolation broken) {
                FormErrors.show(broken, errors);
            }
        }
        return callPage(segment, segments.callCandidates(id, me.actor()), me, model);
    }

    private String callPage(Segment segment, List<SegmentPerson> people, CurrentUser me, Model model) {
        model.addAttribute("segment", segment);
        model.addAttribute("people", people);
        model.addAttribute("placeholders", MessageTemplate.PLACEHOLDERS);
        model.addAttribute("maxCalls", SegmentService.MAX_CALLS);
        model.addAttribute("maxMessage", MessageTemplate.MAX_LENGTH);
        model.addAttribute("assignees", me.can(Permission.MANAGE_TEAM_FOLLOW_UPS)
                ? users.all().stream().filter(u -> u.enabled() && u.asActor().can(Permission.LOG_INTERACTIONS))
                        .toList()
                : users.all().stream().filter(u -> u.id() == me.id()).toList());
        model.addAttribute("mayAssignOwners", me.can(Permission.MANAGE_TEAM_FOLLOW_UPS));
        return "segments/calls";
    }

    // --- survey send ------------------------------------------------------------------------------------------

    @PostMapping("/segments/{id}/surveys")
    String sendSurveys(@PathVariable long id, @RequestParam(required = false) String kind,
                       @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        SurveyKind chosen = parse(kind);
        if (chosen == null) {
            segments.get(id, me.actor());
            redirect.addFlashAttribute("segmentError", "segment.surveys.kind");
            return "redirect:/segments/" + id;
        }
        SurveySendOutcome outcome = segments.sendSurveys(id, chosen, me.actor());
        redirect.addFlashAttribute("surveysSent", outcome);
        return "redirect:/segments/" + id;
    }

    private static SurveyKind parse(String kind) {
        for (SurveyKind k : SurveyKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
