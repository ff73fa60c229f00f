/**
 * The application's assembly: security rules, MVC and error handling, the embedded PostgreSQL, sessions,
 * scheduling. It sits on top: it may use any module's API (no {@code allowedDependencies}) and no module may
 * depend on it (none lists it).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Application configuration")
package org.relationcrm.config;
