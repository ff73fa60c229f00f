/**
 * Segments: saved filters over the clients (companies) and their people — status, sector, size, place, owner,
 * product lines held, silence, last NPS, open complaints, churn risk, orders, consent, language, important dates,
 * completeness — shared with the team or private, counted live, and turned into a CSV export, a call list (next
 * steps for reps, with a message each rep personalises) or a survey send. Its API: {@link
 * org.relationcrm.segment.SegmentService}, {@link org.relationcrm.segment.SegmentCriteria}, the read-model records.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Segment",
        allowedDependencies = {"catalog", "client", "interaction", "feedback", "team", "team :: web", "shared :: web",
                "shared :: persistence"})
package org.relationcrm.segment;
