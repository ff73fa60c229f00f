/**
 * Audit: the history of changes of companies, people, deals, complaints, orders and users (field by field, who and
 * when: {@link org.relationcrm.audit.ChangeHistory}), and the audit log of sign-ins, failed sign-ins, sign-outs,
 * exports, imports and personal-data actions ({@link org.relationcrm.audit.AuditLog}). Other modules record an
 * action with {@link org.relationcrm.audit.AuditLog#record}; writes made on a user's behalf outside a request (a
 * background import) name their actor with {@link org.relationcrm.audit.CurrentActor#runAs}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"team", "team :: web", "segment", "privacy", "shared :: web"})
package org.relationcrm.audit;
