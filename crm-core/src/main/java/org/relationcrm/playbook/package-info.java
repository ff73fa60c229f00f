/**
 * Playbooks: short shared guides for the hard moments (an angry client, a price objection, a complaint, a follow-up
 * after silence, the call after signing, a meeting to prepare, an escalation), written by managers in French and
 * English, versioned, marked useful or not by those who read them, and shown where the situation happens: the pages
 * of other features ask for the guide of their {@link org.relationcrm.playbook.Situation} (one SQL statement).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Playbook",
        allowedDependencies = {"team", "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.playbook;
