/**
 * Deals (opportunities), their stages, concessions, meetings, My day and the pipeline dashboard. Named interface
 * {@code pipeline :: web}: its card on the 360° page. It still calls feedback's {@code CustomerCare} on a win,
 * until a domain event replaces that call (issue 11, point 2).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pipeline",
        allowedDependencies = {"catalog", "client", "feedback", "interaction", "team", "team :: web", "shared :: web"})
package org.relationcrm.pipeline;
