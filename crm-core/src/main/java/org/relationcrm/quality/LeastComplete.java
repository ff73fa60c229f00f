package org.relationcrm.quality;

import java.util.List;

import org.relationcrm.client.MissingItem;

/** One of a rep's least complete clients, with what is missing (most important first). */
public record LeastComplete(long companyId, String name, long ownerId, String ownerName, int score,
                            List<MissingItem> missing) {

    public LeastComplete {
        missing = List.copyOf(missing);
    }
}
