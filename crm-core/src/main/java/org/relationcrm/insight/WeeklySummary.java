package org.relationcrm.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.shared.Department;

/**
 * The weekly KPI summary: the team's figures of the current month against the previous one, mailed to each manager
 * who asked for it, once a week at most (a second run in the same week sends nothing).
 */
@Service
public class WeeklySummary {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummary.class);

    private final InsightService insight;
    private final SummarySubscriptions subscriptions;
    private final ObjectProvider<SummaryMailer> mailer;
    private final Clock clock;

    public WeeklySummary(InsightService insight, SummarySubscriptions subscriptions, ObjectProvider<SummaryMailer> mailer,
                         Clock clock) {
        this.insight = insight;
        this.subscriptions = subscriptions;
        this.mailer = mailer;
        this.clock = clock;
    }

    /** Sends the summary to every subscriber not sent one in the last 6 days; how many were sent. */
    public int sendDue() {
        LocalDate today = LocalDate.now(clock);
        SummaryMailer sender = mailer.getIfAvailable();
        var due = subscriptions.due(today.minusDays(6)).stream()
                .filter(s -> s.role().grants(Permission.VIEW_KPIS)).toList();
        if (sender == null || due.isEmpty()) {
            return 0;
        }
        // the team's figures, as a manager sees them (one computation for every subscriber)
        Actor team = new Actor(0, Role.MANAGER, Department.MANAGEMENT);
        InsightDashboard dashboard = insight.dashboard(new KpiFilter(Period.of(PeriodKind.MONTH,
                YearMonth.now(clock)), null, null, null), team);
        int sent = 0;
        for (SummarySubscriptions.Subscriber s : due) {
            if (s.email() == null) {
                log.info("Weekly KPI summary: user {} has no email address", s.userId());
                continue;
            }
            if (sender.send(s, dashboard)) {
                subscriptions.markSent(s.userId(), today);
                sent++;
            }
        }
        return sent;
    }
}
