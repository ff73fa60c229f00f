/**
 * A person's GDPR rights: their consent history (kept from {@link org.relationcrm.client.ConsentChanged}), the export
 * of everything held about them, and their erasure by anonymisation unless a legal hold applies. Its API:
 * {@link org.relationcrm.privacy.PrivacyService} and the events {@link org.relationcrm.privacy.PersonDataExported},
 * {@link org.relationcrm.privacy.PersonAnonymised}, {@link org.relationcrm.privacy.PersonAnonymisationRefused}
 * (for the audit log).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy",
        allowedDependencies = {"client", "team", "team :: web", "shared", "shared :: web"})
package org.relationcrm.privacy;
