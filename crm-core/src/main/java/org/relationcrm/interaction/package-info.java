/**
 * Interactions (calls, meetings, emails… with outcome and next step) and the timeline of a company or a person,
 * which other features write their events onto. Named interface {@code interaction :: web}: the timeline's views.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interaction",
        allowedDependencies = {"client", "playbook", "team", "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.interaction;
