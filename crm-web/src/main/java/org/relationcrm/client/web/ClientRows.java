package org.relationcrm.client.web;

import java.util.List;

import org.springframework.stereotype.Component;

import org.relationcrm.client.ClientRow;
import org.relationcrm.shared.web.RenderedFragments;

/**
 * The lines of the clients list (clients/row :: row), each rendered once per row's content and reader's language and
 * then reused (see {@link RenderedFragments}): a search page is mostly its 25 lines, and people look up the same
 * clients again and again. A line shows nothing of its reader, and a row is a value: what it shows changes the key.
 */
@Component
class ClientRows {

    private final RenderedFragments fragments;

    ClientRows(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    List<String> html(List<ClientRow> rows) {
        return rows.stream().map(row -> fragments.html("clients/row :: row", "row", row)).toList();
    }
}
