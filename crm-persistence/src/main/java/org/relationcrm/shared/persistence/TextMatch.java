package org.relationcrm.shared.persistence;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How a typed text is turned into what the search columns hold (see V2's relation_fold and relation_phone_digits,
 * and V14's collation C): folded like the database folds names, then matched as a range of an index ("starts with")
 * or as a LIKE pattern on a trigram index ("anywhere").
 */
public final class TextMatch {

    private TextMatch() {
    }

    /**
     * Same folding as the database's relation_fold (lower case, no accents); a text of four digits or more, spaces
     * and dots aside, is a phone number and becomes its digits in French national form, as relation_phone_digits.
     */
    public static String fold(String text) {
        String digitsOnly = text.replaceAll("[\\s.\\-()+]", "");
        if (digitsOnly.length() >= 4 && digitsOnly.chars().allMatch(Character::isDigit)) {
            return digitsOnly.startsWith("33") && digitsOnly.length() == 11 ? "0" + digitsOnly.substring(2) : digitsOnly;
        }
        return Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }

    /**
     * The smallest text, in byte order, greater than every text that starts with {@code prefix}: the prefix with its
     * last character's code point plus one (UTF-8 keeps code point order). With the prefix itself it bounds the
     * range {@code [prefix, end)} that a b-tree in collation C answers, also in a prepared statement's generic plan.
     */
    public static String justAfterEveryStartingWith(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
    }

    /** A LIKE pattern matching the text anywhere, its wildcards escaped. */
    public static String anywhere(String folded) {
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
