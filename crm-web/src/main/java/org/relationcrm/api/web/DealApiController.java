package org.relationcrm.api.web;

import static org.relationcrm.api.web.ApiSupport.or;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.DealResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.OpportunityDetails;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.OpportunitySource;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Deals (opportunities): opened by sales and managers (MANAGE_DEALS), edited by their owner or a manager
 * (OpportunityService). Moving a deal between stages (with its next step, a lost reason) stays on the pages.
 */
@RestController
@RequestMapping(path = "/api/v1/deals", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Deals")
class DealApiController {

    /**
     * What is written about a deal. POST also takes {@code companyId}, {@code stage} (omitted: PROSPECTING) and the
     * next step ({@code nextStep}, {@code nextStepDue}); omitted owner: the caller.
     */
    record DealInput(Long companyId, Stage stage, String title, BigDecimal amount, String currency,
                     Integer probability, LocalDate expectedCloseOn, Long ownerId, OpportunitySource source,
                     Set<Long> personIds, Set<Long> productLineIds, String nextStep, LocalDate nextStepDue) {
    }

    private final ApiQueries queries;
    private final OpportunityService deals;

    DealApiController(ApiQueries queries, OpportunityService deals) {
        this.queries = queries;
        this.deals = deals;
    }

    @GetMapping
    @Operation(summary = "Deals in id order, a page at a time; status = the stage")
    ResponseEntity<ListPage<DealResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) Stage status,
            @RequestParam(required = false) Long company,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, status == null ? null : status.name(), company, updatedSince);
        return ApiSupport.list(queries.deals(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One deal; its ETag is the version to send back in If-Match")
    ResponseEntity<DealResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), DealResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Opens a deal on a company (MANAGE_DEALS)")
    ResponseEntity<DealResource> create(@RequestBody DealInput input, @AuthenticationPrincipal CurrentUser me) {
        if (input.companyId() == null) {
            throw ApiRequestException.required("companyId");
        }
        OpportunityDetails details = new OpportunityDetails(input.title(), input.amount(), input.currency(),
                input.probability(), input.expectedCloseOn(), or(input.ownerId(), me.id()), input.source(),
                input.personIds(), input.productLineIds());
        long id = deals.open(input.companyId(), or(input.stage(), Stage.PROSPECTING), details,
                new NextStepPlan(input.nextStep(), input.nextStepDue()), me.actor()).id();
        return ApiSupport.created(read(id), id, DealResource::version);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replaces what is written about the deal (its owner, a manager); If-Match required")
    ResponseEntity<DealResource> replace(@PathVariable long id, @RequestBody DealInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        DealResource current = read(id);
        OpportunityDetails details = new OpportunityDetails(input.title(), input.amount(), input.currency(),
                input.probability(), input.expectedCloseOn(), or(input.ownerId(), current.ownerId()), input.source(),
                input.personIds(), input.productLineIds());
        deals.revise(id, version, details, me.actor());
        return ApiSupport.one(read(id), DealResource::version);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Changes the fields sent, keeps the others; If-Match required")
    ResponseEntity<DealResource> patch(@PathVariable long id, @RequestBody DealInput input,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        DealResource d = read(id);
        OpportunityDetails details = new OpportunityDetails(or(input.title(), d.title()),
                or(input.amount(), d.amount()), or(input.currency(), d.currency()),
                or(input.probability(), d.probability()), or(input.expectedCloseOn(), d.expectedCloseOn()),
                or(input.ownerId(), d.ownerId()), or(input.source(), d.source()),
                or(input.personIds(), new HashSet<>(d.personIds())),
                or(input.productLineIds(), new HashSet<>(d.productLineIds())));
        deals.revise(id, version, details, me.actor());
        return ApiSupport.one(read(id), DealResource::version);
    }

    private DealResource read(long id) {
        return queries.deal(id).orElseThrow(() -> new NotFoundException("Deal", id));
    }
}
