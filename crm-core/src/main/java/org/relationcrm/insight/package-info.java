/**
 * Insight: the client relationship's KPIs (NPS, CSAT, CES, churn and retention, complaint resolution times,
 * conversion, LTV, CAC, engagement) for a period against the previous one, month by month, computed from monthly
 * rollups kept in SQL; the rows behind each figure; the monthly review (root cause and action per KPI that moved);
 * the acquisition costs entered by an admin; the weekly summary by email. Its API: {@link
 * org.relationcrm.insight.InsightService}, the read-model records, {@link org.relationcrm.insight.SummaryMailer}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight",
        allowedDependencies = {"team", "client", "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.insight;
