package org.relationcrm.api.web;

import java.time.Instant;
import java.util.function.Function;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.RequestResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.request.NewRequest;
import org.relationcrm.request.Request;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Requests between departments, as on their pages: everyone reads them (a request's page is open to all); whoever
 * may SEND_REQUESTS sends one, answers the question asked back and rates the answer (the requester only); the
 * receiving department (ANSWER_REQUESTS, and the service checks it is the department or the person addressed)
 * accepts it, answers it, declines it or asks for information. Each step acts on the version in If-Match
 * ({@link RequestService}, which checks every rule again).
 */
@RestController
@RequestMapping(path = "/api/v1/requests", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Requests")
class RequestApiController {

    /**
     * A new request about a client ({@code companyId}) and optionally one of its deals or complaints
     * ({@code subject}, {@code subjectId}), to a department or a person in it, of a kind, saying what is needed and
     * by when (optional).
     */
    record RequestInput(@NotNull Long companyId, RequestSubject subject, Long subjectId,
                        @NotNull Department toDepartment, Long toUserId, @NotNull RequestKind kind,
                        @NotBlank @Size(max = Request.MAX_TEXT) String needed, Instant neededBy) {
    }

    /** What was done, or what to tell the client. */
    record AnswerInput(@NotBlank @Size(max = Request.MAX_TEXT) String answer) {
    }

    /** Why the request is declined. */
    record DeclineInput(@NotBlank @Size(max = Request.MAX_REASON) String reason) {
    }

    /** The question back to the requester. */
    record QuestionInput(@NotBlank @Size(max = Request.MAX_REASON) String question) {
    }

    /** The requester's answer to the question. */
    record ReplyInput(@NotBlank @Size(max = Request.MAX_TEXT) String reply) {
    }

    /** Useful or not, and why (required when not useful). */
    record RatingInput(@NotNull Boolean useful, @Size(max = Request.MAX_REASON) String comment) {
    }

    private final ApiQueries queries;
    private final RequestService requests;

    RequestApiController(ApiQueries queries, RequestService requests) {
        this.queries = queries;
        this.requests = requests;
    }

    @GetMapping
    @Operation(summary = "Requests in id order, a page at a time; owner = the requester, department = the department "
            + "addressed")
    ResponseEntity<ListPage<RequestResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) RequestStatus status,
            @RequestParam(required = false) Long company, @RequestParam(required = false) RequestKind kind,
            @RequestParam(required = false) Department department,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, status == null ? null : status.name(), company, updatedSince,
                kind == null ? null : kind.name(), department == null ? null : department.name());
        return ApiSupport.list(queries.requests(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One request; its ETag is the version to send back in If-Match")
    ResponseEntity<RequestResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), RequestResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Sends a request to a department or a person in it (SEND_REQUESTS)")
    ResponseEntity<RequestResource> create(@Valid @RequestBody RequestInput input,
                                           @AuthenticationPrincipal CurrentUser me) {
        boolean about = input.subject() != null && input.subjectId() != null;
        NewRequest details = new NewRequest(input.companyId(), about ? input.subject() : null,
                about ? input.subjectId() : null, input.toDepartment(), input.toUserId(), input.kind(),
                input.needed(), input.neededBy());
        long id = requests.send(details, me.actor()).id();
        return ApiSupport.created(read(id), id, RequestResource::version);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "The receiving department takes the request in hand (ANSWER_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> accept(@PathVariable long id,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.accept(id, version, me.actor()));
    }

    @PostMapping(path = "/{id}/done", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Answers the request: done (ANSWER_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> done(@PathVariable long id, @Valid @RequestBody AnswerInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.complete(id, version, input.answer(), me.actor()));
    }

    @PostMapping(path = "/{id}/decline", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Declines the request, with the reason (ANSWER_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> decline(
            @PathVariable long id, @Valid @RequestBody DeclineInput input,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.decline(id, version, input.reason(), me.actor()));
    }

    @PostMapping(path = "/{id}/ask", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Asks the requester for information (ANSWER_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> ask(@PathVariable long id, @Valid @RequestBody QuestionInput input,
                                        @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.askForInformation(id, version, input.question(), me.actor()));
    }

    @PostMapping(path = "/{id}/reply", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The requester answers the question asked back (SEND_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> reply(@PathVariable long id, @Valid @RequestBody ReplyInput input,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.giveInformation(id, version, input.reply(), me.actor()));
    }

    @PostMapping(path = "/{id}/rate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The requester says whether the answer helped, once (SEND_REQUESTS); If-Match required")
    ResponseEntity<RequestResource> rate(@PathVariable long id, @Valid @RequestBody RatingInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal CurrentUser me) {
        return step(id, ifMatch, version -> requests.rate(id, version, input.useful(), input.comment(), me.actor()));
    }

    /** One step on the version in If-Match (428 without, 412 if it moved on), then the request as it is now. */
    private ResponseEntity<RequestResource> step(long id, String ifMatch, Function<Long, Request> action) {
        long version = ApiSupport.expectedVersion(ifMatch);
        action.apply(version);
        return ApiSupport.one(read(id), RequestResource::version);
    }

    private RequestResource read(long id) {
        return queries.request(id).orElseThrow(() -> new NotFoundException("Request", id));
    }
}
