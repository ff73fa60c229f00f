package org.relationcrm.client.web;

import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.client.ContactCard;
import org.relationcrm.shared.web.RenderedFragments;

/**
 * The person cards of a page (fragments/people :: card), rendered once per person's details and reader's rights
 * and then reused (see {@link RenderedFragments}).
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class PersonCards {

    private final RenderedFragments fragments;

    PersonCards(RenderedFragments fragments) {
        this.fragments = fragments;
    }

    /**
     * @param showLinks the card has its actions (edit, log, make primary)
     * @param canLog    the reader may log interactions
     */
    public List<String> html(List<ContactCard> people, boolean showLinks, boolean canLog) {
        return people.stream()
                .map(person -> fragments.html("fragments/people :: card", "card", new Card(person, showLinks, canLog)))
                .toList();
    }

    /** What a card shows: a value, so equal cards have the same HTML. */
    public record Card(ContactCard person, boolean showLinks, boolean canLog) {
    }
}
