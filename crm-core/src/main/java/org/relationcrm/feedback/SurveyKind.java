package org.relationcrm.feedback;

/** NPS (0–10), CSAT (1–5), CES (1–7). */
public enum SurveyKind {
    NPS(0, 10), CSAT(1, 5), CES(1, 7);

    private final int min;
    private final int max;

    SurveyKind(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    public boolean accepts(int score) {
        return score >= min && score <= max;
    }

    /** A detractor (NPS 0–6) or a dissatisfied client (CSAT ≤ 2): the owner must follow up. */
    public boolean needsFollowUp(int score) {
        return switch (this) {
            case NPS -> score <= 6;
            case CSAT -> score <= 2;
            case CES -> false;
        };
    }

    public java.util.List<Integer> scale() {
        return java.util.stream.IntStream.rangeClosed(min, max).boxed().toList();
    }
}
