package org.relationcrm.segment.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentExported;
import org.relationcrm.segment.SegmentPerson;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.shared.web.ListDownload;
import org.relationcrm.team.web.CurrentUser;

/**
 * A segment's people as a CSV or Excel file ({@code format=XLSX}), streamed row by row as PostgreSQL hands them over
 * (any size, constant memory; {@link ListDownload}): dates in the reader's format (date cells in Excel), headers in
 * their language. An
 * email, a phone or a mobile is written only if the person consents to that channel; a column says which consents
 * they gave. Personal notes are never exported.
 */
@Controller
class SegmentExportController {

    private final SegmentService segments;
    private final MessageSource messages;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SegmentExportController(SegmentService segments, MessageSource messages, Clock clock,
                            ApplicationEventPublisher events) {
        this.segments = segments;
        this.messages = messages;
        this.clock = clock;
        this.events = events;
    }

    static final List<String> COLUMNS = List.of("company", "civility", "firstName", "lastName", "preferredName",
            "jobTitle", "email", "phone", "mobile", "city", "language", "owner", "consents", "lastSurvey");

    @GetMapping("/segments/{id}/export")
    void export(@PathVariable long id, @RequestParam(defaultValue = "CSV") ListDownload.Format format,
                @AuthenticationPrincipal CurrentUser me, Locale locale, HttpServletResponse response)
            throws IOException {
        Segment segment = segments.get(id, me.actor()); // a segment not found answers 404 before any byte is written
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(messages.getMessage("segment.export." + column, null, locale));
        }
        ListDownload file = ListDownload.start(format, response, "segment-" + id, segment.name(), header, locale);
        segments.export(id, me.actor(), person -> file.row(row(person, locale)));
        file.finish();
        // once the file is written, outside the export's read-only transaction (the audit log records it)
        events.publishEvent(new SegmentExported(id, segment.name(), file.rows()));
    }

    private List<Object> row(SegmentPerson p, Locale locale) {
        List<String> consents = new ArrayList<>();
        if (p.consentEmail()) {
            consents.add(messages.getMessage("segment.consent." + ConsentChannel.EMAIL, null, locale));
        }
        if (p.consentPhone()) {
            consents.add(messages.getMessage("segment.consent." + ConsentChannel.PHONE, null, locale));
        }
        if (p.consentSms()) {
            consents.add(messages.getMessage("segment.consent." + ConsentChannel.SMS, null, locale));
        }
        if (p.consentLetter()) {
            consents.add(messages.getMessage("segment.consent." + ConsentChannel.LETTER, null, locale));
        }
        List<Object> row = new ArrayList<>();
        row.add(p.companyName());
        row.add(p.civility() == null ? null : messages.getMessage("civility." + p.civility(), null, p.civility(),
                locale));
        row.add(p.firstName());
        row.add(p.lastName());
        row.add(p.preferredName());
        row.add(p.jobTitle());
        row.add(p.consentEmail() ? p.email() : null);
        row.add(p.consentPhone() ? p.phone() : null);
        row.add(p.consentPhone() || p.consentSms() ? p.mobile() : null);
        row.add(p.city());
        row.add(p.language());
        row.add(p.ownerName());
        row.add(String.join(" + ", consents));
        row.add(p.lastSurveyAt() == null ? null : LocalDate.ofInstant(p.lastSurveyAt(), clock.getZone()));
        return row;
    }
}
