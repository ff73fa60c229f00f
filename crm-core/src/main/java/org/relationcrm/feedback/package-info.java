/**
 * Complaints, satisfaction surveys, churn risk, silent clients, the care plan after a win. Named interface
 * {@code feedback :: web}: its card on the 360° page. Listens to pipeline's {@code OpportunityWon} (the care plan).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Feedback",
        allowedDependencies = {"catalog", "client", "interaction", "playbook", "pipeline", "team", "team :: web",
                "shared :: web", "shared :: persistence"})
package org.relationcrm.feedback;
