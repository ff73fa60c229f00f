package org.relationcrm.api.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.ComplaintResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.ComplaintService;
import org.relationcrm.feedback.ComplaintStatus;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Complaints: recorded by anyone who hears one (RECORD_COMPLAINTS), listed for those who handle them
 * (HANDLE_COMPLAINTS), as on the pages. Their handling (taken in hand, escalated, resolved) stays on the pages,
 * where each step has its own form and rules.
 */
@RestController
@RequestMapping(path = "/api/v1/complaints", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Complaints")
class ComplaintApiController {

    /** A complaint as the client voiced it; {@code ownerId} omitted: the caller, who must handle complaints. */
    record ComplaintInput(Long companyId, Long personId, Channel channel, ComplaintCategory category,
                          Severity severity, String subject, String description, Long ownerId) {
    }

    private final ApiQueries queries;
    private final ComplaintService complaints;

    ComplaintApiController(ApiQueries queries, ComplaintService complaints) {
        this.queries = queries;
        this.complaints = complaints;
    }

    @GetMapping
    @Operation(summary = "Complaints in id order, a page at a time (HANDLE_COMPLAINTS)")
    ResponseEntity<ListPage<ComplaintResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) ComplaintStatus status,
            @RequestParam(required = false) Long company,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, status == null ? null : status.name(), company, updatedSince);
        return ApiSupport.list(queries.complaints(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One complaint")
    ResponseEntity<ComplaintResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), ComplaintResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Records a complaint (RECORD_COMPLAINTS)")
    ResponseEntity<ComplaintResource> create(@RequestBody ComplaintInput input,
                                             @AuthenticationPrincipal CurrentUser me) {
        if (input.companyId() == null) {
            throw ApiRequestException.required("companyId");
        }
        NewComplaint details = new NewComplaint(input.companyId(), input.personId(), input.channel(),
                input.category(), input.severity(), input.subject(), input.description());
        long id = complaints.open(details, input.ownerId(), me.actor()).id();
        return ApiSupport.created(read(id), id, ComplaintResource::version);
    }

    private ComplaintResource read(long id) {
        return queries.complaint(id).orElseThrow(() -> new NotFoundException("Complaint", id));
    }
}
