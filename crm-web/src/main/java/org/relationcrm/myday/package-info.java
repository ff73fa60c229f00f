/**
 * "My day", the home page: each role's work for today, composed from the pipeline (next steps, meetings, deals), the
 * interactions (follow-ups), feedback (complaints), the order desk (orders to confirm, deliveries, overdue invoices)
 * and requests between departments. Like the 360° record it sits above the features it shows, so that none of them
 * has to know another.
 */
@org.springframework.modulith.ApplicationModule(displayName = "My day",
        allowedDependencies = {"pipeline", "interaction", "interaction :: web", "feedback :: web", "order :: web",
                "request :: web", "request", "team", "team :: web", "shared :: web"})
package org.relationcrm.myday;
