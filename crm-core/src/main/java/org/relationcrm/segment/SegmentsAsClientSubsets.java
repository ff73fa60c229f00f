package org.relationcrm.segment;

import java.util.List;

import org.springframework.stereotype.Component;

import org.relationcrm.client.ClientSubsets;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** The segments a user may use, offered as filters of the clients list. */
@Component
class SegmentsAsClientSubsets implements ClientSubsets {

    private final SegmentQueries queries;

    SegmentsAsClientSubsets(SegmentQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<ClientSubset> available(Actor actor) {
        if (!actor.can(Permission.USE_SEGMENTS)) {
            return List.of();
        }
        return queries.visibleTo(actor.userId()).stream().map(s -> new ClientSubset(s.id(), s.name())).toList();
    }
}
