/**
 * Companies and people, their 360° read models ({@link org.relationcrm.client.ClientRecordService}) and the
 * client list. Knows no other feature: the 360° page that shows other features' cards is the record module's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client",
        allowedDependencies = {"team", "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.client;
