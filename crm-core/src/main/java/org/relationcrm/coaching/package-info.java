/**
 * Coaching on real interactions: a manager reviews one exchange of a rep on a short shared grid ({@link
 * org.relationcrm.coaching.Criterion}), the rep reads it and answers. A review is seen by its rep, managers and
 * admins only. Its API: {@link org.relationcrm.coaching.CoachingService} (writes), {@link
 * org.relationcrm.coaching.CoachingQueries} (the queue, the reviews, the trends), {@link
 * org.relationcrm.coaching.ReviewPublished}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Coaching",
        allowedDependencies = {"interaction", "team", "team :: web", "shared :: web"})
package org.relationcrm.coaching;
