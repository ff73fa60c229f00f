package org.relationcrm.pipeline.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.pipeline.CompanyPipeline;
import org.relationcrm.pipeline.PipelineService;

/**
 * The deals card of the 360° page, asked for by the record's controller before rendering (one SQL statement):
 * the fragment only renders what it is given.
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class PipelineCards {

    private final PipelineService pipeline;

    PipelineCards(PipelineService pipeline) {
        this.pipeline = pipeline;
    }

    public CompanyPipeline ofCompany(long companyId) {
        return pipeline.ofCompany(companyId);
    }
}
