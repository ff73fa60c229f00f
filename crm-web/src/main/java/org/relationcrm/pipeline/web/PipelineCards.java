package org.relationcrm.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.pipeline.CompanyPipeline;
import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.shared.web.RenderedFragments;

/**
 * The deals card of the 360° page, asked for by the record's controller before rendering (one SQL statement):
 * the fragment only renders what it is given, once per what it shows (see {@link RenderedFragments}).
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class PipelineCards {

    private final PipelineService pipeline;
    private final RenderedFragments fragments;
    private final Clock clock;

    PipelineCards(PipelineService pipeline, RenderedFragments fragments, Clock clock) {
        this.pipeline = pipeline;
        this.fragments = fragments;
        this.clock = clock;
    }

    /**
     * The card's HTML (pipeline/card :: card).
     *
     * @param manage the reader may manage deals (the card then links to a new deal and to preparing a meeting)
     */
    public String html(long companyId, boolean manage) {
        return fragments.html("pipeline/card :: card", "view",
                new CardView(companyId, pipeline.ofCompany(companyId), manage, LocalDate.now(clock)));
    }

    /** Everything the card shows (today: the day a next step is overdue after): equal views have the same HTML. */
    public record CardView(long companyId, CompanyPipeline pipeline, boolean manage, LocalDate today) {
    }
}
