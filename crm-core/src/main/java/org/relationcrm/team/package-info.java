/**
 * Users, roles and the permissions roles grant; sign-in throttling. Its API: {@link org.relationcrm.team.Actor},
 * {@link org.relationcrm.team.Permission}, {@link org.relationcrm.team.Role}, {@link org.relationcrm.team.User},
 * {@link org.relationcrm.team.UserService}; named interface {@code team :: web}: the signed-in user of the web layer.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Team", allowedDependencies = {})
package org.relationcrm.team;
