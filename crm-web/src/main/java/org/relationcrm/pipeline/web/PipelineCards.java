package org.relationcrm.pipeline.web;

import org.springframework.stereotype.Component;

import org.relationcrm.pipeline.CompanyPipeline;
import org.relationcrm.pipeline.PipelineService;

/**
 * The deals card of the 360° page reads its data here ({@code @pipelineCards.ofCompany(id)} in the template), so
 * the client's controller does not need to know about the pipeline. Two SQL statements.
 */
@Component("pipelineCards")
public class PipelineCards {

    private final PipelineService pipeline;

    PipelineCards(PipelineService pipeline) {
        this.pipeline = pipeline;
    }

    public CompanyPipeline ofCompany(long companyId) {
        return pipeline.ofCompany(companyId);
    }
}
