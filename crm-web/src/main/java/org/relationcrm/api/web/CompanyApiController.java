package org.relationcrm.api.web;

import static org.relationcrm.api.web.ApiSupport.or;

import java.time.Instant;

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
import org.relationcrm.api.ApiResources.CompanyResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/** Companies: the same rules as the pages (ClientService): who registers them, who edits which. */
@RestController
@RequestMapping(path = "/api/v1/companies", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Companies")
class CompanyApiController {

    /** What a caller writes about a company. POST: omitted owner is the caller, omitted status PROSPECT. */
    record CompanyInput(String name, String legalId, String sector, CompanySize size, String street,
                        String postalCode, String city, String country, String website, String phone,
                        CompanyStatus status, Long ownerId, String notes) {
    }

    private final ApiQueries queries;
    private final ClientService clients;

    CompanyApiController(ApiQueries queries, ClientService clients) {
        this.queries = queries;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "Companies in id order, a page at a time (after = the previous page's next)")
    ResponseEntity<ListPage<CompanyResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) CompanyStatus status,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, status == null ? null : status.name(), null, updatedSince);
        return ApiSupport.list(queries.companies(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One company; its ETag is the version to send back in If-Match")
    ResponseEntity<CompanyResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), CompanyResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Registers a company (REGISTER_COMPANIES)")
    ResponseEntity<CompanyResource> create(@RequestBody CompanyInput input, @AuthenticationPrincipal CurrentUser me) {
        CompanyDetails details = new CompanyDetails(input.name(), input.legalId(), input.sector(), input.size(),
                input.street(), input.postalCode(), input.city(), input.country(), input.website(), input.phone(),
                or(input.status(), CompanyStatus.PROSPECT), or(input.ownerId(), me.id()), input.notes());
        long id = clients.createCompany(details, me.actor()).id();
        return ApiSupport.created(read(id), id, CompanyResource::version);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replaces what is written about the company (owner, manager, administrator); If-Match required")
    ResponseEntity<CompanyResource> replace(@PathVariable long id, @RequestBody CompanyInput input,
                                            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                            @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        CompanyResource current = read(id);
        CompanyDetails details = new CompanyDetails(input.name(), input.legalId(), input.sector(), input.size(),
                input.street(), input.postalCode(), input.city(), input.country(), input.website(), input.phone(),
                or(input.status(), current.status()), or(input.ownerId(), current.ownerId()), input.notes());
        clients.reviseCompany(id, version, details, me.actor());
        return ApiSupport.one(read(id), CompanyResource::version);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Changes the fields sent, keeps the others (JSON merge patch without nulls); If-Match required")
    ResponseEntity<CompanyResource> patch(@PathVariable long id, @RequestBody CompanyInput input,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        CompanyResource c = read(id);
        CompanyDetails details = new CompanyDetails(or(input.name(), c.name()), or(input.legalId(), c.legalId()),
                or(input.sector(), c.sector()), or(input.size(), c.size()), or(input.street(), c.street()),
                or(input.postalCode(), c.postalCode()), or(input.city(), c.city()), or(input.country(), c.country()),
                or(input.website(), c.website()), or(input.phone(), c.phone()), or(input.status(), c.status()),
                or(input.ownerId(), c.ownerId()), or(input.notes(), c.notes()));
        clients.reviseCompany(id, version, details, me.actor());
        return ApiSupport.one(read(id), CompanyResource::version);
    }

    private CompanyResource read(long id) {
        return queries.company(id).orElseThrow(() -> new NotFoundException("Company", id));
    }
}
