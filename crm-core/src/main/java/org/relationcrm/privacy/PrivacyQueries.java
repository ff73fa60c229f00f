package org.relationcrm.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.relationcrm.client.Consent;
import org.relationcrm.client.ConsentSource;

/** What the privacy module reads and writes in SQL (crm-persistence). */
public interface PrivacyQueries {

    /** How many history rows a page shows at most (newest first). */
    int HISTORY_LIMIT = 500;

    /** Appends one row per channel whose consent differs from {@code before} (every given one when it is null). */
    void appendConsents(long contactId, Consent before, Consent after, ConsentSource source, Long userId,
                        Instant at);

    /** The person's consent history, newest first, at most {@link #HISTORY_LIMIT} rows. */
    List<ConsentHistoryEntry> consentHistory(long contactId);

    /** What forbids erasing the person now: open complaints, unpaid invoices, orders under way. */
    List<LegalHold> legalHolds(long contactId, Long companyId);

    /** Up to {@code limit} interactions involving the person, newest first, before ({@code beforeAt}, {@code beforeId}). */
    List<ExportedInteraction> interactions(long contactId, Instant beforeAt, Long beforeId, int limit);

    List<PersonFile.Complaint> complaints(long contactId);

    List<PersonFile.SurveyAnswer> surveyAnswers(long contactId);

    List<PersonFile.Order> orders(long contactId);

    /** Requests about the company whose texts contain one of the {@code names} (whole words, any case). */
    List<PersonFile.Request> requestsMentioning(long companyId, Collection<String> names);

    /**
     * Replaces every whole-word, case-insensitive occurrence of the {@code names} by {@code replacement} in the free
     * texts of the interactions involving the person or of their company, of the complaints, surveys and requests
     * concerning them; each row changed gets a new version (an edit opened before is refused as stale).
     *
     * @return how many rows changed
     */
    int replaceMentions(long contactId, Long companyId, Collection<String> names, String replacement);
}
