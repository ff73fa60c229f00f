/**
 * Deals (opportunities), their stages, concessions, meetings, My day and the pipeline dashboard. Named interface
 * {@code pipeline :: web}: its card on the 360° page. It knows nothing of feedback: it publishes
 * {@code OpportunityWon} and feedback's care plan listens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline",
        allowedDependencies = {"catalog", "client", "interaction", "interaction :: web", "playbook", "team",
                "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.pipeline;
