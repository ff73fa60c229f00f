package org.relationcrm.quality;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** The possible duplicates: listed for those who may merge, refreshed by a job or on demand, dismissed by hand. */
@Service
@Transactional
public class DuplicatesService {

    public static final int PAGE_SIZE = 25;

    private final DuplicatePairs pairs;
    private final PersonPairs people;
    private final Clock clock;

    public DuplicatesService(DuplicatePairs pairs, PersonPairs people, Clock clock) {
        this.pairs = pairs;
        this.people = people;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Slice<DuplicatePair, PairCursor> page(PairCursor after, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return pairs.page(after, PAGE_SIZE);
    }

    /** The pairs of people, as {@link #page} for companies. */
    @Transactional(readOnly = true)
    public Slice<PersonPair, PairCursor> peoplePage(PairCursor after, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return people.page(after, PAGE_SIZE);
    }

    /** The job's run (no user) and the "refresh now" button's: companies and people; returns how many pairs in all. */
    public int refresh() {
        return pairs.refresh(clock.instant()) + people.refresh(clock.instant());
    }

    public int refresh(Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return refresh();
    }

    public void dismiss(long oneId, long otherId, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        if (oneId == otherId) {
            throw new IllegalArgumentException("a company is no duplicate of itself");
        }
        pairs.dismiss(oneId, otherId, actor.userId(), clock.instant());
    }

    /** The user says these two are different people. */
    public void dismissPeople(long oneId, long otherId, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        if (oneId == otherId) {
            throw new IllegalArgumentException("a person is no duplicate of themself");
        }
        people.dismiss(oneId, otherId, actor.userId(), clock.instant());
    }
}
