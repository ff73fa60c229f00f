package org.relationcrm.privacy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Consent;
import org.relationcrm.shared.Channel;

/**
 * Everything held about a person but their interactions (which can be many, and are streamed:
 * {@link PrivacyService#interactions}): what the export file and the printable page show. Field names are the
 * export's JSON keys; codes (channels, statuses) are the application's, explained by the printable page.
 */
public record PersonFile(Instant exportedAt, Person person, List<ConsentHistoryEntry> consentHistory,
                         List<Complaint> complaints, List<SurveyAnswer> surveyAnswers, List<Order> orders,
                         List<Request> requestsMentioningThem) {

    public PersonFile {
        consentHistory = List.copyOf(consentHistory);
        complaints = List.copyOf(complaints);
        surveyAnswers = List.copyOf(surveyAnswers);
        orders = List.copyOf(orders);
        requestsMentioningThem = List.copyOf(requestsMentioningThem);
    }

    /** The person's own record. */
    public record Person(long id, Long companyId, String companyName, boolean primaryContact, Civility civility,
                         String firstName, String lastName, String preferredName, String jobTitle, String email,
                         String phone, String mobile, String city, Channel preferredChannel, String language,
                         List<ImportantDate> importantDates, String personalNotes, String preferences,
                         Consent consent, Instant createdAt, Instant anonymisedAt) {
    }

    public record ImportantDate(String label, LocalDate date) {
    }

    /** A complaint they made, or that concerns them. */
    public record Complaint(long id, Instant openedAt, String status, String category, String severity,
                            String subject, String description, String resolution, Instant resolvedAt) {
    }

    /** A survey sent to them, and their answer if they gave one. */
    public record SurveyAnswer(long id, String kind, Instant sentAt, Instant answeredAt, Integer score,
                               String comment) {
    }

    /** An order they placed or received. */
    public record Order(long id, String number, LocalDate orderedOn, String status, BigDecimal total,
                        String currency) {
    }

    /** A request between departments about their company whose text names them. */
    public record Request(long id, Instant createdAt, String kind, String status, String needed, String answer) {
    }
}
