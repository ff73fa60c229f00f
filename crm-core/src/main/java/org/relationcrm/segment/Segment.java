package org.relationcrm.segment;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * A saved filter over the clients and their people, named by its author. Private: only its author sees it; shared:
 * the whole team uses it, its author alone changes it.
 */
@Entity
@Table(name = "segment")
public class Segment {

    public static final int MAX_NAME = 100;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private boolean shared;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Embedded
    private SegmentCriteria criteria;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Segment() {
    }

    private Segment(String name, boolean shared, SegmentCriteria criteria, Actor author, Instant now) {
        author.require(Permission.USE_SEGMENTS);
        this.authorId = author.userId();
        this.createdAt = now;
        define(name, shared, criteria, now);
    }

    public static Segment define(String name, boolean shared, SegmentCriteria criteria, Actor author, Instant now) {
        return new Segment(name, shared, criteria, author, now);
    }

    /** Renames the segment, changes who sees it and what it keeps: its author only. */
    public void revise(String name, boolean shared, SegmentCriteria criteria, Actor actor, Instant now) {
        if (!isEditableBy(actor)) {
            throw new ForbiddenActionException("only its author changes a segment");
        }
        define(name, shared, criteria, now);
    }

    private void define(String name, boolean shared, SegmentCriteria criteria, Instant now) {
        RuleViolation.Collector broken = RuleViolation.collect();
        String checkedName = broken.check(() -> Text.required(name, MAX_NAME, "name"));
        SegmentCriteria given = criteria == null ? SegmentCriteria.none() : criteria;
        broken.check(() -> {
            given.check();
            return null;
        });
        broken.throwIfAny();
        this.name = checkedName;
        this.shared = shared;
        this.criteria = given;
        this.updatedAt = now;
    }

    /** Its author, and everyone who uses segments when it is shared. */
    public boolean isReadableBy(Actor actor) {
        return actor.can(Permission.USE_SEGMENTS) && (shared || actor.userId() == authorId);
    }

    public boolean isEditableBy(Actor actor) {
        return actor.can(Permission.USE_SEGMENTS) && actor.userId() == authorId;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String name() {
        return name;
    }

    public boolean shared() {
        return shared;
    }

    public long authorId() {
        return authorId;
    }

    public SegmentCriteria criteria() {
        return criteria == null ? SegmentCriteria.none() : criteria;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
