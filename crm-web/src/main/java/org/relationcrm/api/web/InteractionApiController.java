package org.relationcrm.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

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
import org.relationcrm.api.ApiResources.InteractionResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Interactions (calls, emails, meetings... logged on a client's timeline). As on the pages, an interaction is
 * written once and not edited; its next step is done on the pages. Events the application writes on the timeline
 * (an order delivered, a stage changed) are not interactions and are not listed.
 */
@RestController
@RequestMapping(path = "/api/v1/interactions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Interactions")
class InteractionApiController {

    /** What the author writes down; {@code occurredAt} omitted: now. */
    record InteractionInput(Long companyId, Set<Long> personIds, Channel channel, Direction direction,
                            Instant occurredAt, String subject, String summary, String outcome, Sentiment sentiment,
                            String nextStepAction, LocalDate nextStepDue) {
    }

    private final ApiQueries queries;
    private final InteractionService interactions;
    private final java.time.Clock clock;

    InteractionApiController(ApiQueries queries, InteractionService interactions, java.time.Clock clock) {
        this.queries = queries;
        this.interactions = interactions;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Interactions in id order, a page at a time; owner = the author, company = the client")
    ResponseEntity<ListPage<InteractionResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) Long company,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, null, company, updatedSince);
        return ApiSupport.list(queries.interactions(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One interaction")
    ResponseEntity<InteractionResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), InteractionResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Logs an interaction on a client's timeline (LOG_INTERACTIONS)")
    ResponseEntity<InteractionResource> create(@RequestBody InteractionInput input,
                                               @AuthenticationPrincipal CurrentUser me) {
        LogInteraction entry = new LogInteraction(input.companyId(), input.personIds(), input.channel(),
                input.direction(), input.occurredAt() == null ? clock.instant() : input.occurredAt(),
                input.subject(), input.summary(), input.outcome(), input.sentiment(), input.nextStepAction(),
                input.nextStepDue());
        long id = interactions.log(entry, me.actor()).id();
        return ApiSupport.created(read(id), id, InteractionResource::version);
    }

    private InteractionResource read(long id) {
        return queries.interaction(id).orElseThrow(() -> new NotFoundException("Interaction", id));
    }
}
