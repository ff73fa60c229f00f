/**
 * The REST API's own state: personal API tokens ({@link org.relationcrm.api.ApiToken}, created on the profile page,
 * stored as a SHA-256 hash, scoped {@link org.relationcrm.api.ApiScope}) and the API's read model
 * ({@link org.relationcrm.api.ApiQueries}: keyset pages of each feature's records, read in SQL). Writes go through
 * each feature's own services with the token user's {@link org.relationcrm.team.Actor}, so the API obeys the same
 * rules as the pages. Its web package ({@code /api/v1}, the bearer filter chain, OpenAPI) sits on top: no module
 * depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API",
        allowedDependencies = {"team", "team :: web", "client", "interaction", "pipeline", "feedback", "order",
                "request", "shared :: web"})
package org.relationcrm.api;
