package org.relationcrm.feedback;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A question put to one person (NPS, CSAT or CES) by a single-use link: the token is random and unguessable, the
 * link expires, and it can be answered once.
 */
@Entity
@Table(name = "survey")
public class Survey {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_COMMENT = 4_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SurveyKind kind;

    @Column(name = "company_id")
    private Long companyId;

    @Column(name = "contact_id", nullable = false)
    private long contactId;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_kind", nullable = false)
    private SurveyTrigger trigger;

    @Column(name = "ref_id")
    private Long refId;

    @Column(nullable = false)
    private String token;

    @Column(nullable = false)
    private String language;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "send_on")
    private LocalDate sendOn;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "sent_by_email", nullable = false)
    private boolean sentByEmail;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Integer score;

    private String comment;

    @Enumerated(EnumType.STRING)
    private SurveyTheme theme;

    /** Why a link cannot be answered. */
    public enum Refusal { NOT_SENT, EXPIRED, ALREADY_ANSWERED }

    protected Survey() {
    }

    /** A survey about a client, its link ready now or planned for {@code sendOn}. */
    public static Survey prepare(SurveyKind kind, Long companyId, long contactId, String language, SurveyTrigger trigger,
                                 Long refId, long createdBy, Instant now, LocalDate sendOn) {
        Survey survey = new Survey();
        if (kind == null || trigger == null) {
            throw new IllegalArgumentException("a survey needs a kind and a trigger");
        }
        survey.kind = kind;
        survey.companyId = companyId;
        survey.contactId = contactId;
        survey.language = "en".equals(language) ? "en" : "fr";
        survey.trigger = trigger;
        survey.refId = refId;
        survey.createdBy = createdBy;
        survey.createdAt = now;
        survey.sendOn = sendOn;
        survey.token = newToken();
        return survey;
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The link goes out now (by email or copied by the agent) and is valid for {@code validityDays}. */
    public void markSent(Instant now, boolean byEmail, int validityDays) {
        if (sentAt != null) {
            throw new IllegalStateException("this survey was already sent");
        }
        this.sentAt = now;
        this.sentByEmail = byEmail;
        this.expiresAt = now.plus(validityDays, ChronoUnit.DAYS);
        this.sendOn = null;
    }

    /** Why this link cannot be answered now, or null when it can. */
    public Refusal refusal(Instant now) {
        if (answeredAt != null) {
            return Refusal.ALREADY_ANSWERED;
        }
        if (sentAt == null) {
            return Refusal.NOT_SENT;
        }
        if (!now.isBefore(expiresAt)) {
            return Refusal.EXPIRED;
        }
        return null;
    }

    /** The person's answer, once. Returns true when it calls for a follow-up by the owner. */
    public boolean answer(int givenScore, String givenComment, Instant now) {
        Refusal refusal = refusal(now);
        if (refusal != null) {
            throw new SurveyClosedException(refusal);
        }
        if (!kind.accepts(givenScore)) {
            throw new IllegalArgumentException("a " + kind + " score is between " + kind.min() + " and " + kind.max());
        }
        String text = givenComment == null || givenComment.isBlank() ? null : givenComment.strip();
        if (text != null && text.length() > MAX_COMMENT) {
            text = text.substring(0, MAX_COMMENT);
        }
        this.score = givenScore;
        this.comment = text;
        this.answeredAt = now;
        return kind.needsFollowUp(givenScore);
    }

    /** The agent files the answer under a theme. */
    public void categorise(SurveyTheme newTheme) {
        if (answeredAt == null) {
            throw new IllegalStateException("only an answer can be categorised");
        }
        this.theme = newTheme;
    }

    public Long id() { return id; }
    public long version() { return version; }
    public SurveyKind kind() { return kind; }
    public Long companyId() { return companyId; }
    public long contactId() { return contactId; }
    public SurveyTrigger trigger() { return trigger; }
    public Long refId() { return refId; }
    public String token() { return token; }
    public String language() { return language; }
    public long createdBy() { return createdBy; }
    public LocalDate sendOn() { return sendOn; }
    public Instant sentAt() { return sentAt; }
    public boolean sentByEmail() { return sentByEmail; }
    public Instant expiresAt() { return expiresAt; }
    public Instant answeredAt() { return answeredAt; }
    public Integer score() { return score; }
    public String comment() { return comment; }
    public SurveyTheme theme() { return theme; }
}
