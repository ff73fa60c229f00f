/**
 * Requests between departments about a client: one colleague (the internal client) asks another department, or a
 * person in it, for a credit note, special terms, a delivery change, technical help…; the receiving department
 * answers within a service level counted in working hours, and the requester rates the answer. Every step that
 * matters to the client lands on its timeline. Named interface {@code request :: web}: its lists on "My day".
 */
@org.springframework.modulith.ApplicationModule(displayName = "Request",
        allowedDependencies = {"client", "interaction", "team", "team :: web", "shared :: web"})
package org.relationcrm.request;
