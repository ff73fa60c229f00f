/**
 * Data quality: the "possible duplicates" list of companies and of people, merging two companies or two records of
 * one person (every row of every feature moves to the survivor, the merge is on the timeline and can be undone for
 * 30 days) and the completeness trend managers follow.
 * It sits above the features whose rows it moves: none of them knows it; the moves themselves are one adapter in
 * crm-persistence ({@link org.relationcrm.quality.MergeStore}), in the merge's transaction, so a merge and its undo
 * are all or nothing. Duplicate hints on the forms are the client module's ({@code ClientService.likelyDuplicates}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Data quality",
        allowedDependencies = {"client", "interaction", "team", "team :: web", "shared :: web"})
package org.relationcrm.quality;
