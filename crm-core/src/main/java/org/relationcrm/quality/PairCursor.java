package org.relationcrm.quality;

/** Where a page of the duplicates list starts: after this pair, in (score desc, first, second) order. */
public record PairCursor(int score, long firstId, long secondId) {

    /** "score.first.second" in a link; null when absent or not one (the first page then). */
    public static PairCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split("\\.");
        if (parts.length != 3) {
            return null;
        }
        try {
            return new PairCursor(Integer.parseInt(parts[0]), Long.parseLong(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return score + "." + firstId + "." + secondId;
    }
}
