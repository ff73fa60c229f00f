package org.relationcrm.playbook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The guide of a situation. Its text lives in versions ({@link #revision()}: 1, 2, 3…): every save writes a new
 * version in each language written and keeps the older ones, so the history shows who changed what and when, and
 * votes are counted per version. {@code @Version} refuses a save based on a version someone else has replaced.
 */
@Entity
@Table(name = "playbook")
public class Playbook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Situation situation;

    /** The number of the current text's version. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private long updatedBy;

    protected Playbook() {
    }

    /** A first guide for a situation, version 1; returns it with its checked texts. */
    static Playbook write(Situation situation, Actor author, Instant now) {
        author.require(Permission.MANAGE_PLAYBOOKS);
        if (situation == null) {
            throw RuleViolation.required("situation");
        }
        Playbook playbook = new Playbook();
        playbook.situation = situation;
        playbook.revision = 1;
        playbook.updatedAt = now;
        playbook.updatedBy = author.userId();
        return playbook;
    }

    /** A new version of the text; the earlier ones stay as they were. */
    void revise(Actor author, Instant now) {
        author.require(Permission.MANAGE_PLAYBOOKS);
        revision++;
        updatedAt = now;
        updatedBy = author.userId();
    }

    /**
     * The texts typed for each language, checked together so the form shows every mistake at once: at least one
     * language is written; a language started is complete (title, when to use, steps; an escalation's criteria).
     */
    static Map<Language, GuideText> texts(Situation situation, Map<Language, TypedText> typed) {
        List<RuleViolation.Broken> broken = new ArrayList<>();
        Map<Language, GuideText> texts = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            TypedText t = typed.get(language);
            if (t == null) {
                continue;
            }
            try {
                GuideText text = GuideText.typed(language, situation, t.title(), t.whenToUse(), t.steps(),
                        t.phrasesToUse(), t.phrasesToAvoid(), t.criteria());
                if (text != null) {
                    texts.put(language, text);
                }
            } catch (RuleViolation started) { // a language started, not complete: its own messages say why
                broken.addAll(started.broken());
            }
        }
        if (texts.isEmpty() && broken.isEmpty()) {
            broken.add(new RuleViolation.Broken(Language.FR.field("title"), "playbook.noLanguage", List.of()));
        }
        if (!broken.isEmpty()) {
            throw new RuleViolation(broken);
        }
        return texts;
    }

    public Long id() { return id; }
    public long version() { return version; }
    public Situation situation() { return situation; }
    public int revision() { return revision; }
    public Instant updatedAt() { return updatedAt; }
    public long updatedBy() { return updatedBy; }
}
