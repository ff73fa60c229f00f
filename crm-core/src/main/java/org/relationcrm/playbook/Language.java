package org.relationcrm.playbook;

import java.util.Locale;

/** The languages a guide is written in: French first, English. */
public enum Language {
    FR, EN;

    /** The reader's language: English for an English locale, French otherwise. */
    public static Language of(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? EN : FR;
    }

    /** The other one: what a reader gets, with a note, when their language is missing. */
    public Language other() {
        return this == FR ? EN : FR;
    }

    /** How forms and messages name this language's fields: {@code frTitle}, {@code enSteps}. */
    public String field(String name) {
        return name().toLowerCase(Locale.ROOT) + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
