package org.relationcrm.segment;

/**
 * A band of the churn-risk score (0–100), as the risk list names its levels ({@code ChurnRisk.level()}): low below
 * 25, medium from 25, high from 50. Only customers have a score.
 */
public enum ChurnBand {
    LOW(0, 24), MEDIUM(25, 49), HIGH(50, 100);

    private final int lowest;
    private final int highest;

    ChurnBand(int lowest, int highest) {
        this.lowest = lowest;
        this.highest = highest;
    }

    public int lowest() {
        return lowest;
    }

    public int highest() {
        return highest;
    }
}
