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
import org.relationcrm.api.ApiResources.PersonResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.client.Civility;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Consent;
import org.relationcrm.client.ConsentRecording;
import org.relationcrm.client.ConsentSource;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * People: at a company, or private customers (no company). As on the pages, anyone who learns something about a
 * person writes it down. The important dates are not part of the API: an update keeps them as they are.
 */
@RestController
@RequestMapping(path = "/api/v1/people", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "People")
class PersonApiController {

    /** What a caller writes about a person; {@code companyId} only when creating (null: a private customer). */
    record PersonInput(Long companyId, Civility civility, String firstName, String lastName, String preferredName,
                       String jobTitle, String email, String phone, String mobile, String city,
                       Channel preferredChannel, String language, String personalNotes, String preferences,
                       Boolean consentEmail, Boolean consentPhone, Boolean consentSms, Boolean consentLetter) {
    }

    private final ApiQueries queries;
    private final ClientService clients;

    PersonApiController(ApiQueries queries, ClientService clients) {
        this.queries = queries;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "People in id order, a page at a time; company narrows to one company's people")
    ResponseEntity<ListPage<PersonResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long company,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(null, null, company, updatedSince);
        return ApiSupport.list(queries.people(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One person; its ETag is the version to send back in If-Match")
    ResponseEntity<PersonResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), PersonResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Adds a person to a company, or a private customer without companyId")
    ResponseEntity<PersonResource> create(@RequestBody PersonInput input, @AuthenticationPrincipal CurrentUser me) {
        ContactDetails details = new ContactDetails(or(input.civility(), Civility.NONE), input.firstName(),
                input.lastName(), input.preferredName(), input.jobTitle(), input.email(), input.phone(),
                input.mobile(), input.city(), input.preferredChannel(), input.language(), null,
                input.personalNotes(), input.preferences(), new Consent(yes(input.consentEmail()),
                yes(input.consentPhone()), yes(input.consentSms()), yes(input.consentLetter())));
        Contact contact = input.companyId() == null ? clients.addPrivateCustomer(details, viaApi(me))
                : clients.addContact(input.companyId(), details, viaApi(me));
        return ApiSupport.created(read(contact.id()), contact.id(), PersonResource::version);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replaces what is written about the person; If-Match required")
    ResponseEntity<PersonResource> replace(@PathVariable long id, @RequestBody PersonInput input,
                                           @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                           @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        Contact current = clients.contact(id);
        ContactDetails details = new ContactDetails(or(input.civility(), Civility.NONE), input.firstName(),
                input.lastName(), input.preferredName(), input.jobTitle(), input.email(), input.phone(),
                input.mobile(), input.city(), input.preferredChannel(), input.language(), current.importantDates(),
                input.personalNotes(), input.preferences(), new Consent(yes(input.consentEmail()),
                yes(input.consentPhone()), yes(input.consentSms()), yes(input.consentLetter())));
        clients.reviseContact(id, version, details, viaApi(me));
        return ApiSupport.one(read(id), PersonResource::version);
    }

    @PatchMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Changes the fields sent, keeps the others; If-Match required")
    ResponseEntity<PersonResource> patch(@PathVariable long id, @RequestBody PersonInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        ContactDetails c = clients.contact(id).details();
        Consent consent = c.consent();
        ContactDetails details = new ContactDetails(or(input.civility(), c.civility()),
                or(input.firstName(), c.firstName()), or(input.lastName(), c.lastName()),
                or(input.preferredName(), c.preferredName()), or(input.jobTitle(), c.jobTitle()),
                or(input.email(), c.email()), or(input.phone(), c.phone()), or(input.mobile(), c.mobile()),
                or(input.city(), c.city()), or(input.preferredChannel(), c.preferredChannel()),
                or(input.language(), c.language()), c.importantDates(), or(input.personalNotes(), c.personalNotes()),
                or(input.preferences(), c.preferences()), new Consent(or(input.consentEmail(), consent.email()),
                or(input.consentPhone(), consent.phone()), or(input.consentSms(), consent.sms()),
                or(input.consentLetter(), consent.letter())));
        clients.reviseContact(id, version, details, viaApi(me));
        return ApiSupport.one(read(id), PersonResource::version);
    }

    /** Consents given or withdrawn through the API are in the person's consent history as such, with the token's user. */
    private static ConsentRecording viaApi(CurrentUser me) {
        return new ConsentRecording(ConsentSource.API, me.id());
    }

    private static boolean yes(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private PersonResource read(long id) {
        return queries.person(id).orElseThrow(() -> new NotFoundException("Person", id));
    }
}
