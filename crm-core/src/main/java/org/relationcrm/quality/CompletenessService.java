package org.relationcrm.quality;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The completeness trend managers follow: a snapshot a day (a job, the day cut in the company's time zone by the
 * injected {@link Clock}), read as weeks per owner and for the team, with each rep's least complete clients.
 */
@Service
@Transactional
public class CompletenessService {

    /** How far back the trend goes. */
    public static final int TREND_WEEKS = 12;
    /** How many of each rep's least complete clients the page lists. */
    public static final int LEAST_COMPLETE_PER_REP = 5;

    private final CompletenessStore store;
    private final Clock clock;

    public CompletenessService(CompletenessStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Today's snapshot (again, if it was taken already: the day's row is replaced). */
    public int snapshot() {
        return store.snapshot(LocalDate.now(clock), clock.instant());
    }

    public int snapshot(Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return snapshot();
    }

    @Transactional(readOnly = true)
    public List<CompletenessPoint> trend(Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return store.trend(LocalDate.now(clock).minusWeeks(TREND_WEEKS));
    }

    @Transactional(readOnly = true)
    public List<LeastComplete> leastComplete(Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        return store.leastComplete(LEAST_COMPLETE_PER_REP);
    }
}
