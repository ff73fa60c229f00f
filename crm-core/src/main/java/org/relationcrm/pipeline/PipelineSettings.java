package org.relationcrm.pipeline;

import java.util.EnumMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The pipeline's settings: {@code relation.pipeline.discount-approval-threshold} (percent, 10),
 * {@code relation.pipeline.stale-after-days} (21) and the default probability of each stage
 * ({@code relation.pipeline.probability.<stage>}).
 */
@Component
public class PipelineSettings {

    private final int discountApprovalThreshold;
    private final int staleAfterDays;
    private final Map<Stage, Integer> probabilities = new EnumMap<>(Stage.class);

    public PipelineSettings(@Value("${relation.pipeline.discount-approval-threshold:10}") int discountApprovalThreshold,
                            @Value("${relation.pipeline.stale-after-days:21}") int staleAfterDays,
                            @Value("${relation.pipeline.probability.prospecting:10}") int prospecting,
                            @Value("${relation.pipeline.probability.qualified:25}") int qualified,
                            @Value("${relation.pipeline.probability.proposal:50}") int proposal,
                            @Value("${relation.pipeline.probability.negotiation:75}") int negotiation) {
        this.discountApprovalThreshold = discountApprovalThreshold;
        this.staleAfterDays = staleAfterDays;
        probabilities.put(Stage.PROSPECTING, prospecting);
        probabilities.put(Stage.QUALIFIED, qualified);
        probabilities.put(Stage.PROPOSAL, proposal);
        probabilities.put(Stage.NEGOTIATION, negotiation);
        probabilities.put(Stage.WON, 100);
        probabilities.put(Stage.LOST, 0);
    }

    /** Defaults, for tests and tools that run without Spring. */
    public static PipelineSettings defaults() {
        return new PipelineSettings(10, 21, 10, 25, 50, 75);
    }

    public int discountApprovalThreshold() {
        return discountApprovalThreshold;
    }

    public int staleAfterDays() {
        return staleAfterDays;
    }

    public int probabilityOf(Stage stage) {
        return probabilities.get(stage);
    }
}
