package org.relationcrm.pipeline;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;

/**
 * The preparation of a meeting with a client: what we want out of it, the agenda, the questions to ask and the
 * objections to expect. After the meeting its report is a MEETING interaction on the timeline, linked here.
 */
@Entity
@Table(name = "meeting_prep")
public class MeetingPrep {

    // The limits, declared here only: the form's @Size reads them.
    public static final int MAX_TITLE = 200;
    public static final int MAX_TEXT = 4_000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @Column(name = "opportunity_id")
    private Long opportunityId;

    @ElementCollection
    @CollectionTable(name = "meeting_prep_contact", joinColumns = @JoinColumn(name = "meeting_prep_id"))
    @Column(name = "contact_id")
    private Set<Long> contactIds = new HashSet<>();

    @Column(nullable = false)
    private String title;

    @Column(name = "meeting_at", nullable = false)
    private Instant meetingAt;

    private String objectives;
    private String agenda;
    private String questions;
    private String objections;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "report_interaction_id")
    private Long reportInteractionId;

    protected MeetingPrep() {
    }

    public MeetingPrep(long companyId, Long opportunityId, MeetingPlan plan, Actor author, Instant now) {
        this.companyId = companyId;
        this.opportunityId = opportunityId;
        this.authorId = author.userId();
        this.createdAt = now;
        revise(plan);
    }

    public void revise(MeetingPlan plan) {
        String t = Text.required(plan.title(), MAX_TITLE, "title");
        if (plan.meetingAt() == null) {
            throw RuleViolation.required("meetingAt");
        }
        this.title = t;
        this.meetingAt = plan.meetingAt();
        this.objectives = Text.optional(plan.objectives(), MAX_TEXT, "objectives");
        this.agenda = Text.optional(plan.agenda(), MAX_TEXT, "agenda");
        this.questions = Text.optional(plan.questions(), MAX_TEXT, "questions");
        this.objections = Text.optional(plan.objections(), MAX_TEXT, "objections");
        this.contactIds.clear();
        this.contactIds.addAll(plan.contactIds());
    }

    /** Links the report, once written. A meeting has one report. */
    public void reportedAs(long interactionId) {
        if (reportInteractionId != null) {
            throw new IllegalStateException("this meeting already has its report");
        }
        this.reportInteractionId = interactionId;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public long companyId() {
        return companyId;
    }

    public Long opportunityId() {
        return opportunityId;
    }

    public Set<Long> contactIds() {
        return Set.copyOf(contactIds);
    }

    public String title() {
        return title;
    }

    public Instant meetingAt() {
        return meetingAt;
    }

    public String objectives() {
        return objectives;
    }

    public String agenda() {
        return agenda;
    }

    public String questions() {
        return questions;
    }

    public String objections() {
        return objections;
    }

    public long authorId() {
        return authorId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Long reportInteractionId() {
        return reportInteractionId;
    }

    public boolean isReported() {
        return reportInteractionId != null;
    }
}
