package org.relationcrm.pipeline.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A meeting as an iCalendar invitation (RFC 5545), written by hand: one VEVENT with its UID, stamp, start and end in
 * UTC, title, place, organizer and the attendees who have an email. Text values are escaped ({@code \ ; ,} and line
 * breaks), lines end with CRLF and are folded at 75 octets without splitting a UTF-8 character. With an organizer's
 * email the calendar is a REQUEST (RFC 5546: calendars offer to add it and answer); without one, a plain event.
 */
final class MeetingInvitation {

    /** How long a meeting is planned for: the preparation has no end time. */
    static final Duration LENGTH = Duration.ofHours(1);
    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** Someone invited (or inviting): the name shown and the email, null when unknown. */
    record Person(String name, String email) {
    }

    /** What the invitation says. */
    record Event(String uid, long sequence, Instant stamp, Instant start, Duration length, String title,
                 String location, String url, Person organizer, List<Person> attendees) {
    }

    private MeetingInvitation() {
    }

    static String write(Event event) {
        boolean request = event.organizer() != null && hasEmail(event.organizer());
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Relation CRM//Meetings//EN");
        line(out, "CALSCALE:GREGORIAN");
        if (request) {
            line(out, "METHOD:REQUEST");
        }
        line(out, "BEGIN:VEVENT");
        line(out, "UID:" + text(event.uid()));
        line(out, "SEQUENCE:" + event.sequence());
        line(out, "DTSTAMP:" + UTC.format(event.stamp()));
        line(out, "DTSTART:" + UTC.format(event.start()));
        line(out, "DTEND:" + UTC.format(event.start().plus(event.length())));
        line(out, "SUMMARY:" + text(event.title()));
        if (event.location() != null && !event.location().isBlank()) {
            line(out, "LOCATION:" + text(event.location()));
        }
        if (event.url() != null) {
            line(out, "URL:" + event.url());
            line(out, "DESCRIPTION:" + text(event.url()));
        }
        if (request) {
            line(out, "ORGANIZER" + name(event.organizer()) + ":mailto:" + event.organizer().email());
        }
        for (Person attendee : event.attendees()) {
            if (hasEmail(attendee)) {
                line(out, "ATTENDEE" + name(attendee)
                        + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + attendee.email());
            }
        }
        line(out, "STATUS:CONFIRMED");
        line(out, "END:VEVENT");
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n");
    }

    /** A line folded at {@link #MAX_OCTETS} octets (a continuation starts with a space, which counts), then CRLF. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int size = character.getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.append(character);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    private static String name(Person person) {
        if (person.name() == null || person.name().isBlank()) {
            return "";
        }
        // a parameter value is quoted; it cannot hold a double quote nor a control character
        return ";CN=\"" + person.name().replaceAll("[\"\\p{Cntrl}]", " ").strip() + "\"";
    }

    private static boolean hasEmail(Person person) {
        // an address with a line break or a colon could not be one: it would break the line
        return person.email() != null && !person.email().isBlank() && person.email().matches("[^\\s:;,\"<>]+@[^\\s:;,\"<>]+");
    }
}
