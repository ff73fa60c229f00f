package org.relationcrm.playbook;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.playbook.internal.PlaybookTexts;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Writing guides (managers) and marking them useful or not (everyone). Every save is a new version of the text;
 * a save made on a version someone else has replaced meanwhile is refused ({@link StaleEditException}).
 */
@Service
@Transactional
public class PlaybookService {

    private final PlaybookRepository playbooks;
    private final PlaybookTexts texts;
    private final Clock clock;

    public PlaybookService(PlaybookRepository playbooks, PlaybookTexts texts, Clock clock) {
        this.playbooks = playbooks;
        this.texts = texts;
        this.clock = clock;
    }

    /** A situation has one guide: writing a second one is refused with this message. */
    public static final String SITUATION_TAKEN = "playbook.situation.taken";

    /** The first guide of a situation (one guide per situation: the next ones are versions of it). */
    public Playbook write(Situation situation, Map<Language, TypedText> typed, Actor author) {
        author.require(Permission.MANAGE_PLAYBOOKS);
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(situation != null, "situation", RuleViolation.REQUIRED);
        broken.unless(situation == null || !playbooks.existsBySituation(situation), "situation",
                SITUATION_TAKEN);
        Map<Language, GuideText> checked = broken.check(() -> Playbook.texts(
                situation != null ? situation : Situation.ANGRY_CLIENT, typed));
        broken.throwIfAny();
        Instant now = clock.instant();
        Playbook playbook = playbooks.save(Playbook.write(situation, author, now));
        texts.append(playbook.id(), playbook.revision(), checked, author.userId(), now);
        return playbook;
    }

    /** A new version of a guide, made on {@code expectedVersion}; the earlier versions stay in its history. */
    public Playbook revise(long id, long expectedVersion, Map<Language, TypedText> typed, Actor author) {
        author.require(Permission.MANAGE_PLAYBOOKS);
        Playbook playbook = playbooks.findById(id).orElseThrow(() -> new NotFoundException("Playbook", id));
        if (playbook.version() != expectedVersion) {
            throw new StaleEditException("Playbook", expectedVersion, playbook.version());
        }
        Map<Language, GuideText> checked = Playbook.texts(playbook.situation(), typed);
        Instant now = clock.instant();
        playbook.revise(author, now);
        playbooks.save(playbook);
        texts.append(playbook.id(), playbook.revision(), checked, author.userId(), now);
        return playbook;
    }

    /**
     * Marks a version of a guide useful or not for this reader (voting again changes the vote). The version is the
     * one the reader saw, so a vote cast while a manager saved a new version still counts for the one read.
     */
    public void vote(long id, int revision, boolean useful, Actor reader) {
        if (!texts.vote(id, revision, reader.userId(), useful, clock.instant())) {
            throw new NotFoundException("Playbook", id);
        }
    }
}
