package org.relationcrm.client;

import java.util.List;

import org.relationcrm.team.Actor;

/**
 * Saved subsets of the companies that another feature offers as a filter of the clients list (the segments): the
 * client feature knows them by id and name only. Their SQL reaches the list's statement through
 * {@code shared.persistence.CompanySubsets}.
 */
public interface ClientSubsets {

    /** The subsets this user may apply to the list, by name. */
    List<ClientSubset> available(Actor actor);

    /** A subset as the list's filter names it. */
    record ClientSubset(long id, String name) {
    }
}
