package org.relationcrm.segment.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentExported;
import org.relationcrm.segment.SegmentPerson;
import org.relationcrm.segment.SegmentService;
import org.relationcrm.team.web.CurrentUser;

/**
 * A segment's people as a CSV file, streamed row by row as PostgreSQL hands them over (any size, constant memory):
 * UTF-8 with a byte-order mark (so spreadsheet software reads accents), {@code ;} between columns where the decimal
 * separator is a comma (French), {@code ,} otherwise, dates in the reader's format, headers in their language. An
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
    void export(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Locale locale,
                HttpServletResponse response) throws IOException {
        Segment segment = segments.get(id, me.actor()); // a segment not found answers 404 before any byte is written
        char separator = separatorFor(locale);
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale)
                .withZone(clock.getZone());
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"segment-" + id + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(messages.getMessage("segment.export." + column, null, locale));
        }
        line(out, header, separator);
        long[] rows = {0};
        segments.export(id, me.actor(), person -> {
            rows[0]++;
            try {
                line(out, row(person, dates, locale), separator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
        // once the file is written, outside the export's read-only transaction (the audit log records it)
        events.publishEvent(new SegmentExported(id, segment.name(), rows[0]));
    }

    private List<String> row(SegmentPerson p, DateTimeFormatter dates, Locale locale) {
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
        List<String> row = new ArrayList<>();
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
        row.add(p.lastSurveyAt() == null ? null : dates.format(p.lastSurveyAt()));
        return row;
    }

    /** {@code ;} where the decimal separator is a comma (French spreadsheets), {@code ,} otherwise. */
    static char separatorFor(Locale locale) {
        char decimal = java.text.DecimalFormatSymbols.getInstance(locale).getDecimalSeparator();
        return decimal == ',' ? ';' : ',';
    }

    static void line(Writer out, List<String> values, char separator) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            out.write(cell(values.get(i), separator));
        }
        out.write("\r\n");
    }

    /**
     * A value as a CSV cell: quoted when it holds the separator, a quote or a line break; a value a spreadsheet
     * would run as a formula ({@code =}, {@code +}, {@code -}, {@code @}) is prefixed with a quote mark.
     */
    static String cell(String value, char separator) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("[+-][0-9 .()]+")) {
            v = "'" + v;
        }
        if (v.indexOf(separator) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
