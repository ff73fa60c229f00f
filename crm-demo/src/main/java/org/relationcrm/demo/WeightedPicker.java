package org.relationcrm.demo;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks an index with probability proportional to its weight in constant time (Vose's alias method), so that
 * millions of draws over a hundred thousand clients stay cheap.
 */
final class WeightedPicker {

    private final double[] probability;
    private final int[] alias;

    WeightedPicker(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("nothing to pick from");
        }
        double total = 0;
        for (double w : weights) {
            if (w < 0 || Double.isNaN(w)) {
                throw new IllegalArgumentException("weights must be positive");
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        ArrayDeque<Integer> small = new ArrayDeque<>();
        ArrayDeque<Integer> large = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1.0 ? small : large).add(i);
        }
        while (!small.isEmpty() && !large.isEmpty()) {
            int less = small.poll();
            int more = large.poll();
            probability[less] = scaled[less];
            alias[less] = more;
            scaled[more] = scaled[more] + scaled[less] - 1.0;
            (scaled[more] < 1.0 ? small : large).add(more);
        }
        for (int i : large) {
            probability[i] = 1.0;
        }
        for (int i : small) {
            probability[i] = 1.0;
        }
    }

    static WeightedPicker of(double... weights) {
        return new WeightedPicker(Arrays.copyOf(weights, weights.length));
    }

    int pick(SplittableRandom random) {
        int column = random.nextInt(probability.length);
        return random.nextDouble() < probability[column] ? column : alias[column];
    }

    int size() {
        return probability.length;
    }
}
