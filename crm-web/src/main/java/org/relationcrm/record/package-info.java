/**
 * The 360° pages of a company and of a person: composed from each feature's card and the timeline. It sits above
 * the features it shows, so that none of them has to know another to be on the page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "360° record",
        allowedDependencies = {"client", "client :: web", "interaction", "interaction :: web", "pipeline :: web", "feedback :: web",
                "order :: web",
                "team", "team :: web", "quality"})
package org.relationcrm.record;
