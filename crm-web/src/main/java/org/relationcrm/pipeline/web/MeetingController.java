package org.relationcrm.pipeline.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.pipeline.MeetingPlan;
import org.relationcrm.pipeline.MeetingPrep;
import org.relationcrm.pipeline.MeetingService;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.shared.BaseUrl;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/** Preparing a meeting (from a deal or a client), reading it on paper or a phone, and writing its report. */
@Controller
class MeetingController {

    private final MeetingService meetings;
    private final OpportunityService opportunities;
    private final ClientRecordService records;
    private final PlaybookReadService playbooks;
    private final Clock clock;
    private final UserService users;
    private final BaseUrl baseUrl;

    MeetingController(MeetingService meetings, OpportunityService opportunities, ClientRecordService records,
                      PlaybookReadService playbooks, Clock clock, UserService users, BaseUrl baseUrl) {
        this.users = users;
        this.baseUrl = baseUrl;
        this.meetings = meetings;
        this.opportunities = opportunities;
        this.records = records;
        this.playbooks = playbooks;
        this.clock = clock;
    }

    @GetMapping("/opportunities/{id}/meetings/new")
    String newForOpportunity(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        requireSalesOrManager(me);
        opportunities.requireManageable(id, me.actor());
        Opportunity o = opportunities.load(id);
        model.addAttribute("form", new MeetingForm(o.companyId(), id, o.title(), tomorrowAtTen(), o.contactIds(),
                null, null, null, null));
        return form(model, o.companyId(), o, me);
    }

    @GetMapping("/clients/{companyId}/meetings/new")
    String newForClient(@PathVariable long companyId, @AuthenticationPrincipal CurrentUser me, Model model) {
        requireSalesOrManager(me);
        model.addAttribute("form", new MeetingForm(companyId, null, null, tomorrowAtTen(), Set.of(), null, null,
                null, null));
        return form(model, companyId, null, me);
    }

    @PostMapping("/meetings")
    String create(@Valid @ModelAttribute("form") MeetingForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        requireSalesOrManager(me);
        if (errors.hasFieldErrors("companyId") || errors.hasFieldErrors("opportunityId")) {
            // Hidden fields the page wrote itself: without a valid client there is no form to show again.
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no valid client or deal for the meeting");
        }
        if (errors.hasErrors()) {
            return form(model, form.companyId(), form.opportunityId() == null ? null : opportunities.load(form.opportunityId()),
                    me);
        }
        MeetingPrep prep = meetings.prepare(form.companyId(), form.opportunityId(),
                new MeetingPlan(form.title(), form.meetingAt().atZone(clock.getZone()).toInstant(), form.contactIds(),
                        form.objectives(), form.agenda(), form.questions(), form.objections()), me.actor());
        redirect.addFlashAttribute("flash", "flash.meeting.prepared");
        return "redirect:/meetings/" + prep.id();
    }

    @GetMapping("/meetings/{id}")
    String detail(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        MeetingPrep prep = meetings.get(id);
        model.addAttribute("m", prep);
        model.addAttribute("company", records.companyRecord(prep.companyId()).company());
        model.addAttribute("opportunity", prep.opportunityId() == null ? null : opportunities.get(prep.opportunityId()));
        model.addAttribute("ctx", meetings.context(prep.companyId(), prep.contactIds()));
        model.addAttribute("canReport", !prep.isReported() && meetings.canReport(prep, me.actor()));
        return "pipeline/meeting";
    }

    /** The meeting as an invitation to add to a calendar (.ics), with the attendees who have an email. */
    @GetMapping("/meetings/{id}/invitation.ics")
    ResponseEntity<byte[]> invitation(@PathVariable long id) {
        MeetingPrep prep = meetings.get(id);
        CompanyDetails company = records.companyCard(prep.companyId()).details();
        String place = Stream.of(company.street(),
                        Stream.of(company.postalCode(), company.city()).filter(Objects::nonNull)
                                .collect(Collectors.joining(" ")), company.country())
                .filter(part -> part != null && !part.isBlank()).collect(Collectors.joining(", "));
        User author = users.get(prep.authorId());
        List<MeetingInvitation.Person> attendees = meetings.context(prep.companyId(), prep.contactIds()).attending()
                .stream().map(p -> new MeetingInvitation.Person(p.fullName(), p.details().email())).toList();
        String link = baseUrl.link("/meetings/" + prep.id());
        String ics = MeetingInvitation.write(new MeetingInvitation.Event(
                "meeting-" + prep.id() + "@" + URI.create(link).getHost(), prep.version(), clock.instant(),
                prep.meetingAt(), MeetingInvitation.LENGTH, prep.title() + " — " + company.name(), place, link,
                new MeetingInvitation.Person(author.fullName(), author.email()), attendees));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/calendar; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("meeting-" + prep.id() + ".ics").build().toString())
                .body(ics.getBytes(StandardCharsets.UTF_8));
    }

    @GetMapping("/meetings/{id}/report")
    String reportForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        MeetingPrep prep = meetings.reportable(id, me.actor());
        model.addAttribute("form", new ReportForm(null, null, null, LocalDate.now(clock).plusDays(7), prep.version()));
        return reportView(model, prep);
    }

    @PostMapping("/meetings/{id}/report")
    String report(@PathVariable long id, @Valid @ModelAttribute("form") ReportForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        MeetingPrep prep = meetings.reportable(id, me.actor());
        boolean onOpenDeal = prep.opportunityId() != null && opportunities.get(prep.opportunityId()).stage().isOpen();
        boolean hasAction = form.nextStepAction() != null && !form.nextStepAction().isBlank();
        if (hasAction != (form.nextStepDue() != null)) {
            errors.rejectValue(hasAction ? "nextStepDue" : "nextStepAction", "opportunity.nextStep.bothRequired");
        }
        if (form.nextStepDue() != null && form.nextStepDue().isBefore(LocalDate.now(clock))) {
            errors.rejectValue("nextStepDue", "meeting.nextStep.past");
        }
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return reportView(model, prep);
        }
        try {
            meetings.report(id, form.version(), form.summary(), form.outcome(),
                    hasAction ? form.nextStepAction() : null, hasAction ? form.nextStepDue() : null, me.actor());
        } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
            // Reported meanwhile (another tab, a double click) or changed: the report is not filed twice.
            errors.reject(meetings.get(id).isReported() ? "meeting.report.already" : "meeting.report.conflict");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return reportView(model, meetings.get(id));
        }
        redirect.addFlashAttribute("flash", "flash.meeting.reported");
        return onOpenDeal ? "redirect:/opportunities/" + prep.opportunityId() : "redirect:/clients/" + prep.companyId();
    }

    private String reportView(Model model, MeetingPrep prep) {
        model.addAttribute("m", prep);
        model.addAttribute("company", records.companyRecord(prep.companyId()).company());
        return "pipeline/report-form";
    }

    /** The preparation form, with the guide to prepare a meeting (one statement). */
    private String form(Model model, long companyId, Opportunity o, CurrentUser me) {
        playbooks.shown(Situation.MEETING_PREPARATION, me.id()).ifPresent(g -> model.addAttribute("prepGuide", g));
        var record = records.companyRecord(companyId);
        model.addAttribute("company", record.company());
        model.addAttribute("people", record.contacts());
        model.addAttribute("opportunity", o);
        return "pipeline/meeting-form";
    }

    private LocalDateTime tomorrowAtTen() {
        return LocalDate.now(clock).plusDays(1).atTime(10, 0);
    }

    private static void requireSalesOrManager(CurrentUser me) {
        if (!me.can(Permission.MANAGE_DEALS)) {
            throw new ForbiddenActionException("role " + me.role() + " does not prepare meetings");
        }
    }
}
