package org.relationcrm.segment;

/** Where a client's last NPS answer puts it: 9–10 promoter, 7–8 passive, 0–6 detractor. */
public enum NpsCategory {
    PROMOTER(9, 10), PASSIVE(7, 8), DETRACTOR(0, 6);

    private final int lowest;
    private final int highest;

    NpsCategory(int lowest, int highest) {
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
