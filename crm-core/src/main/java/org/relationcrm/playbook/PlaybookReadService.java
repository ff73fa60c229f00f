package org.relationcrm.playbook;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import org.relationcrm.playbook.internal.PlaybookQueries;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;

/**
 * Reading guides. A guide shown in context on another feature's page ({@link #shown}) and a guide opened
 * ({@link #open}) are counted by the very statement that reads them: one statement per page, whatever it shows,
 * in its own autocommit (no BEGIN/COMMIT), so they are not {@link ReadModel}s, which are read-only.
 */
@Service
public class PlaybookReadService {

    public static final int HISTORY_PAGE = 10;

    private final PlaybookQueries queries;

    public PlaybookReadService(PlaybookQueries queries) {
        this.queries = queries;
    }

    @ReadModel
    public List<PlaybookRow> list() {
        return queries.list();
    }

    /** A guide opened by a reader (its page): counted as opened. */
    public Guide open(long id, long readerId) {
        return queries.guide(id, readerId, true).orElseThrow(() -> new NotFoundException("Playbook", id));
    }

    /** A guide as it is now, not counted (its edit form, a card again after a vote). */
    @ReadModel
    public Guide get(long id, long readerId) {
        return queries.guide(id, readerId, false).orElseThrow(() -> new NotFoundException("Playbook", id));
    }

    /** The guides of these situations shown in context, each counted as shown; none asked: no statement. */
    public Map<Situation, Guide> shown(Set<Situation> situations, long readerId) {
        if (situations.isEmpty()) {
            return Map.of();
        }
        return queries.shown(EnumSet.copyOf(situations), readerId);
    }

    /** The guide of one situation shown in context, when one is written. */
    public Optional<Guide> shown(Situation situation, long readerId) {
        return Optional.ofNullable(shown(Set.of(situation), readerId).get(situation));
    }

    @ReadModel
    public Slice<GuideVersion, Integer> history(long id, Integer before) {
        return queries.history(id, before, HISTORY_PAGE);
    }
}
