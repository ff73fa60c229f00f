package org.relationcrm.client;

import org.relationcrm.shared.Slice;

/** A page of the clients list, with the search as it was run (its {@link ClientSearch#match()} is the one used). */
public record ClientResults(ClientSearch search, Slice<ClientRow, ClientCursor> page) {
}
