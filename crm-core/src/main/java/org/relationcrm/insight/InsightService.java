package org.relationcrm.insight;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The KPI dashboard, the rows behind its figures, the monthly review and the acquisition costs. Who may see the
 * team's figures ({@link Permission#VIEW_KPIS}) filters them at will; anyone else reads their own clients' only.
 */
@Service
@Transactional
public class InsightService {

    /** The months the charts show at least. */
    public static final int CHART_MONTHS = 12;
    /** A customer counts as reached with an exchange in this many days. */
    public static final int REACHED_DAYS = 90;
    /** The month starts whose customers reached are measured for the comparison: three years back. */
    public static final int REACHED_MONTHS = 36;
    /** The rows behind a figure: the first ones (worst first). */
    public static final int DRILL_LIMIT = 100;
    /** The review actions shown: those still open and those of the last months. */
    public static final int ACTION_MONTHS = 6;
    public static final int ACTION_LIMIT = 100;
    public static final int COST_MONTHS = 24;
    public static final int COST_LIMIT = 200;
    public static final String COST_EXISTS = "insight.cost.exists";

    private final InsightQueries queries;
    private final ReviewActionRepository actions;
    private final AcquisitionCostRepository costs;
    private final SummarySubscriptions subscriptions;
    private final ReachedMonths reachedMonths;
    private final Clock clock;

    public InsightService(InsightQueries queries, ReviewActionRepository actions, AcquisitionCostRepository costs,
                          SummarySubscriptions subscriptions, ReachedMonths reachedMonths, Clock clock) {
        this.queries = queries;
        this.reachedMonths = reachedMonths;
        this.actions = actions;
        this.costs = costs;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    /** The current month's period of {@code kind}. */
    public Period currentPeriod(PeriodKind kind) {
        return Period.of(kind, YearMonth.now(clock));
    }

    /** The filter as the actor may use it: their own clients unless they see the team's KPIs. */
    public KpiFilter allowed(KpiFilter requested, Actor actor) {
        return actor.can(Permission.VIEW_KPIS) ? requested : requested.ownedBy(actor.userId());
    }

    @ReadModel
    public InsightDashboard dashboard(KpiFilter requested, Actor actor) {
        KpiFilter filter = allowed(requested, actor);
        Period period = filter.period();
        Period previous = period.previous();
        LocalDate chartStart = period.end().minusMonths(Math.max(CHART_MONTHS, 2L * period.months()));
        StockAtStart stock = queries.stockAt(filter, chartStart);
        Map<LocalDate, MonthFacts> byMonth = new HashMap<>();
        for (MonthFacts f : queries.months(filter, chartStart, period.end())) {
            byMonth.put(f.month(), f);
        }
        Map<LocalDate, InsightQueries.ComplaintMonth> complaintMonths = new HashMap<>();
        for (InsightQueries.ComplaintMonth m : queries.complaintMonths(filter, chartStart, period.end())) {
            complaintMonths.put(m.month(), m);
        }
        // the stock at each month's start, from the one before the charts and the months' net changes
        Map<LocalDate, StockAtStart> stocks = new HashMap<>();
        List<InsightDashboard.MonthKpis> months = new ArrayList<>();
        for (LocalDate m = chartStart; m.isBefore(period.end()); m = m.plusMonths(1)) {
            stocks.put(m, stock);
            MonthFacts f = byMonth.getOrDefault(m, MonthFacts.empty(m));
            months.add(new InsightDashboard.MonthKpis(m, KpiValues.of(f, stock, 1, times(complaintMonths.get(m)),
                    null)));
            stock = new StockAtStart(stock.customers() + f.customersNet(), stock.prospects() + f.prospectsNet());
        }
        List<ComplaintTimes> complaints = queries.complaintTimes(filter, period.start(), period.end());
        ComplaintTimes total = complaints.stream().filter(ComplaintTimes::isTotal).findFirst().orElse(null);
        // today's customers reached, and those of the previous period's end (as measured at that month's start)
        Instant previousAt = monthStart(previous.end());
        InsightQueries.ReachedShares reached = queries.reached(filter, reachedSince(clock.instant()), previous.end(),
                previousAt, reachedSince(previousAt));
        KpiValues current = KpiValues.of(sum(period, byMonth), stocks.get(period.start()), period.months(), total,
                reached.current());
        KpiValues before = KpiValues.of(sum(previous, byMonth), stocks.get(previous.start()), previous.months(),
                times(previous, complaintMonths), reached.previous());
        List<ChannelAcquisition> acquisition = filter.wholeTeam()
                ? queries.acquisitionByChannel(previous.start(), period.start(), period.end()) : List.of();
        if (filter.channel() != null) {
            // the channel's costs over the customers it brought (without the whole team's costs, CAC stays empty)
            ChannelAcquisition channel = acquisition.stream().filter(a -> a.channel() == filter.channel())
                    .findFirst().orElse(null);
            current = current.withCacOver(channel == null ? 0 : channel.newCustomers());
            before = before.withCacOver(channel == null ? 0 : channel.previousNewCustomers());
        }
        List<KpiFigure> figures = new ArrayList<>();
        for (Kpi kpi : Kpi.values()) {
            figures.add(new KpiFigure(kpi, current.get(kpi), before.get(kpi)));
        }
        List<ReviewActionRow> reviewActions = actor.can(Permission.VIEW_KPIS)
                ? queries.actions(period.start().minusMonths(ACTION_MONTHS), ACTION_LIMIT) : List.of();
        return new InsightDashboard(filter, actor.can(Permission.VIEW_KPIS), figures, current, before, months,
                complaints.stream().filter(c -> !c.isTotal()).toList(), reviewActions, acquisition);
    }

    private static Instant reachedSince(Instant at) {
        return at.minus(Duration.ofDays(REACHED_DAYS));
    }

    /** The first instant of a day (a month's start), in the clock's time zone as the periods are. */
    private Instant monthStart(LocalDate day) {
        return day.atStartOfDay(clock.getZone()).toInstant();
    }

    /** The month starts of the last {@link #REACHED_MONTHS} months (this one included) not measured yet. */
    @Transactional(readOnly = true)
    public List<LocalDate> unmeasuredReachedMonths() {
        LocalDate thisMonth = YearMonth.now(clock).atDay(1);
        return reachedMonths.unmeasured(thisMonth.minusMonths(REACHED_MONTHS), thisMonth);
    }

    /**
     * Measures the customers reached in {@link #REACHED_DAYS} days as of a month's start ({@code asOf}), per owner
     * then, which the dashboard shows for a previous period ending there; measured again if it was already.
     */
    public void measureReached(LocalDate asOf) {
        if (asOf.getDayOfMonth() != 1 || asOf.isAfter(LocalDate.now(clock))) {
            throw new IllegalArgumentException("a month's start, today or before: " + asOf);
        }
        Instant at = monthStart(asOf);
        reachedMonths.measure(asOf, at, reachedSince(at), clock.instant());
    }

    private static MonthFacts sum(Period period, Map<LocalDate, MonthFacts> byMonth) {
        MonthFacts total = MonthFacts.empty(period.start());
        for (LocalDate m : period.monthStarts()) {
            MonthFacts f = byMonth.get(m);
            if (f != null) {
                total = total.plus(f);
            }
        }
        return total;
    }

    private static ComplaintTimes times(InsightQueries.ComplaintMonth m) {
        return m == null ? null : new ComplaintTimes(null, null, m.resolved(), m.resolutionHours(), null,
                m.responded(), m.firstResponseHours(), null);
    }

    /** A period's mean times, weighted by each month's complaints. */
    private static ComplaintTimes times(Period period, Map<LocalDate, InsightQueries.ComplaintMonth> months) {
        long resolved = 0;
        long responded = 0;
        double resolution = 0;
        double response = 0;
        for (LocalDate m : period.monthStarts()) {
            InsightQueries.ComplaintMonth c = months.get(m);
            if (c != null) {
                resolved += c.resolved();
                resolution += c.resolved() * (c.resolutionHours() == null ? 0 : c.resolutionHours());
                responded += c.responded();
                response += c.responded() * (c.firstResponseHours() == null ? 0 : c.firstResponseHours());
            }
        }
        return new ComplaintTimes(null, null, resolved, resolved == 0 ? null : resolution / resolved, null,
                responded, responded == 0 ? null : response / responded, null);
    }

    /** The rows behind a figure of the period, worst or newest first. */
    @ReadModel
    public List<DrillRow> rows(Kpi.Drill drill, KpiFilter requested, Actor actor) {
        return queries.rows(drill, allowed(requested, actor), DRILL_LIMIT);
    }

    /** Records a root cause and the action decided for a KPI, with the KPI's value for the month reviewed. */
    public ReviewAction decide(YearMonth month, Kpi kpi, Double valueAtReview, String rootCause, String action,
                               Long ownerId, LocalDate dueOn, Actor by) {
        by.require(Permission.VIEW_KPIS);
        if (ownerId == null) {
            throw RuleViolation.required("ownerId");
        }
        return actions.save(ReviewAction.decide(month.atDay(1), kpi, valueAtReview, rootCause, action, ownerId,
                dueOn, by, clock.instant(), LocalDate.now(clock)));
    }

    /** Marks an action done, on the version the manager read. */
    public ReviewAction markDone(long actionId, long expectedVersion, Actor by) {
        by.require(Permission.VIEW_KPIS);
        ReviewAction action = actions.findById(actionId)
                .orElseThrow(() -> new NotFoundException("ReviewAction", actionId));
        if (action.version() != expectedVersion) {
            throw new StaleEditException("ReviewAction", expectedVersion, action.version());
        }
        action.markDone(by, clock.instant());
        return action;
    }

    @ReadModel
    public List<CostRow> costs(Actor actor) {
        actor.require(Permission.ENTER_ACQUISITION_COSTS);
        return queries.costs(YearMonth.now(clock).minusMonths(COST_MONTHS).atDay(1), COST_LIMIT);
    }

    /** Enters a month's cost for a channel or campaign; one per month, channel and campaign. */
    public AcquisitionCost enterCost(YearMonth month, Channel channel, String campaign, BigDecimal amount, Actor by) {
        AcquisitionCost cost = AcquisitionCost.enter(month, channel, campaign, amount, by, clock.instant());
        try {
            return costs.save(cost);
        } catch (DataIntegrityViolationException e) {
            throw new RuleViolation("month", COST_EXISTS);
        }
    }

    /** Asks for (or stops) the weekly summary, in {@code language}. */
    public void weeklySummary(boolean wanted, String language, Actor actor) {
        actor.require(Permission.VIEW_KPIS);
        if (wanted) {
            subscriptions.subscribe(actor.userId(), "en".equals(language) ? "en" : "fr", clock.instant());
        } else {
            subscriptions.unsubscribe(actor.userId());
        }
    }

    @ReadModel
    public boolean wantsWeeklySummary(Actor actor) {
        return actor.can(Permission.VIEW_KPIS) && subscriptions.isSubscribed(actor.userId());
    }
}
