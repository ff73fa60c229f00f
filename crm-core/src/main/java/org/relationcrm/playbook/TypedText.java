package org.relationcrm.playbook;

/** A guide's text in one language as a form holds it: lists one item a line. */
public record TypedText(String title, String whenToUse, String steps, String phrasesToUse, String phrasesToAvoid,
                        String criteria) {
}
