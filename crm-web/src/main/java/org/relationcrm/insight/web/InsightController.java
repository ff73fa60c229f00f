package org.relationcrm.insight.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import org.relationcrm.client.ClientSubsets;
import org.relationcrm.insight.InsightDashboard;
import org.relationcrm.insight.InsightService;
import org.relationcrm.insight.Kpi;
import org.relationcrm.insight.KpiFilter;
import org.relationcrm.insight.Period;
import org.relationcrm.insight.PeriodKind;
import org.relationcrm.insight.ReviewActionRow;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/**
 * The KPI dashboard (the team's at {@code /insight}, a rep's own clients at {@code /my-insight}), the rows behind a
 * figure, the monthly review with its actions, the weekly summary's opt-in and the acquisition costs.
 */
@Controller
class InsightController {

    private final InsightService insight;
    private final UserService users;
    private final Clock clock;
    private final KpiTexts texts;
    private final ObjectProvider<ClientSubsets> subsets;

    InsightController(InsightService insight, UserService users, Clock clock, KpiTexts texts,
                      ObjectProvider<ClientSubsets> subsets) {
        this.insight = insight;
        this.users = users;
        this.clock = clock;
        this.texts = texts;
        this.subsets = subsets;
    }

    /** The segments this user may filter by; another's private one (or an unknown one) is not found. */
    private List<ClientSubsets.ClientSubset> segments(Long asked, CurrentUser me) {
        ClientSubsets offered = subsets.getIfAvailable();
        List<ClientSubsets.ClientSubset> available = offered == null ? List.of() : offered.available(me.actor());
        if (asked != null && available.stream().noneMatch(s -> s.id() == asked)) {
            throw new org.relationcrm.shared.NotFoundException("Segment", asked);
        }
        return available;
    }

    @GetMapping("/insight")
    String team(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) String month,
                @RequestParam(required = false) Long owner, @RequestParam(required = false) Department department,
                @RequestParam(required = false) Channel channel, @RequestParam(required = false) Long segment,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("segments", segments(segment, me));
        KpiFilter filter = new KpiFilter(period(period, month), owner, department, channel, segment);
        return dashboard(filter, "/insight", me, model);
    }

    @GetMapping("/my-insight")
    String mine(@RequestParam(required = false) PeriodKind period, @RequestParam(required = false) String month,
                @RequestParam(required = false) Channel channel, @RequestParam(required = false) Long segment,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("segments", segments(segment, me));
        KpiFilter filter = new KpiFilter(period(period, month), me.actor().userId(), null, channel, segment);
        return dashboard(filter, "/my-insight", me, model);
    }

    private String dashboard(KpiFilter filter, String base, CurrentUser me, Model model) {
        InsightDashboard d = insight.dashboard(filter, me.actor());
        boolean team = "/insight".equals(base);
        model.addAttribute("d", d);
        model.addAttribute("cards", texts.cards(d.figures()));
        model.addAttribute("base", base);
        model.addAttribute("teamPage", team);
        addFilter(d.filter(), model);
        model.addAttribute("query", query(d.filter(), team));
        model.addAttribute("wantsSummary", team && insight.wantsWeeklySummary(me.actor()));
        // the charts' figures, as plain numbers for the script (see pipeline-dashboard.js), and their tables
        List<InsightDashboard.MonthKpis> months = d.months();
        model.addAttribute("chartLabels", months.stream().map(m -> shortMonth(m.month())).collect(Collectors.joining("|")));
        model.addAttribute("npsSeries", figures(months, Kpi.NPS));
        model.addAttribute("churnSeries", figures(months, Kpi.CHURN_RATE));
        model.addAttribute("resolutionSeries", figures(months, Kpi.RESOLUTION_TIME));
        model.addAttribute("engagementSeries", figures(months, Kpi.INTERACTIONS_PER_CUSTOMER));
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        java.util.Map<String, List<String>> monthTexts = new java.util.HashMap<>();
        for (Kpi kpi : List.of(Kpi.NPS, Kpi.CHURN_RATE, Kpi.RESOLUTION_TIME, Kpi.INTERACTIONS_PER_CUSTOMER)) {
            monthTexts.put(kpi.name(), months.stream().map(m -> texts.value(kpi, m.values().get(kpi), locale)).toList());
        }
        model.addAttribute("monthTexts", monthTexts);
        model.addAttribute("complaintRows", d.complaints().stream().map(t -> new ComplaintRow(t.channel(),
                t.severity(), t.resolved(), texts.value(Kpi.RESOLUTION_TIME, t.meanHours(), locale),
                texts.value(Kpi.RESOLUTION_TIME, t.medianHours(), locale),
                texts.value(Kpi.FIRST_RESPONSE_TIME, t.meanFirstResponseHours(), locale) + " / "
                        + texts.value(Kpi.FIRST_RESPONSE_TIME, t.medianFirstResponseHours(), locale))).toList());
        // the whole team's acquisition per channel (an owner's, a department's or a segment's view has no costs)
        model.addAttribute("showAcquisition", team && d.filter().wholeTeam());
        // a channel with neither cost nor new customer in the period, nor a CAC before, would be a row of dashes
        model.addAttribute("acquisitionRows", d.acquisition().stream()
                .filter(a -> a.cost().signum() != 0 || a.newCustomers() != 0 || a.previousCac() != null)
                .map(a -> new AcquisitionRow(a.channel(),
                texts.value(Kpi.CAC, a.cost().doubleValue(), locale), a.newCustomers(),
                texts.value(Kpi.CAC, a.cac(), locale), texts.value(Kpi.CAC, a.previousCac(), locale))).toList());
        return "insight/dashboard";
    }

    private void addFilter(KpiFilter filter, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("month", YearMonth.from(filter.period().start()).toString());
        model.addAttribute("periods", PeriodKind.values());
        model.addAttribute("departments", Department.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("owners", owners());
    }

    private String shortMonth(LocalDate month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMM yy",
                org.springframework.context.i18n.LocaleContextHolder.getLocale()).format(month);
    }

    /** One figure per month, "|" between them; a month without the figure counts 0 in the chart (its table says —). */
    private static String figures(List<InsightDashboard.MonthKpis> months, Kpi kpi) {
        Function<InsightDashboard.MonthKpis, Double> value = m -> m.values().get(kpi);
        return months.stream().map(m -> value.apply(m) == null ? "0"
                        : BigDecimal.valueOf(value.apply(m)).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString())
                .collect(Collectors.joining("|"));
    }

    /** The filter as query parameters, for the links to the rows and to the other periods. */
    private static String query(KpiFilter filter, boolean team) {
        UriComponentsBuilder q = UriComponentsBuilder.newInstance()
                .queryParam("period", filter.period().kind())
                .queryParam("month", YearMonth.from(filter.period().start()).toString());
        if (team && filter.ownerId() != null) {
            q.queryParam("owner", filter.ownerId());
        }
        if (team && filter.department() != null) {
            q.queryParam("department", filter.department());
        }
        if (filter.channel() != null) {
            q.queryParam("channel", filter.channel());
        }
        if (filter.segmentId() != null) {
            q.queryParam("segment", filter.segmentId());
        }
        return q.build().getQuery();
    }

    /** The period asked for, or the current one; a month that is not one (2026-13) is the current month. */
    private Period period(PeriodKind kind, String month) {
        PeriodKind k = kind == null ? PeriodKind.MONTH : kind;
        YearMonth m = YearMonth.now(clock);
        if (month != null) {
            try {
                YearMonth asked = YearMonth.parse(month.strip());
                if (asked.getYear() >= 1900 && asked.getYear() <= 2199) {
                    m = asked;
                }
            } catch (DateTimeParseException e) {
                // the current month
            }
        }
        return Period.of(k, m);
    }

    @GetMapping("/insight/rows/{drill}")
    String rows(@PathVariable Kpi.Drill drill, @RequestParam(required = false) PeriodKind period,
                @RequestParam(required = false) String month, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) Department department, @RequestParam(required = false) Channel channel,
                @RequestParam(required = false) Long segment, @AuthenticationPrincipal CurrentUser me, Model model) {
        if (segment != null) {
            segments(segment, me);
        }
        KpiFilter filter = insight.allowed(new KpiFilter(period(period, month), owner, department, channel, segment),
                me.actor());
        boolean team = me.can(Permission.VIEW_KPIS);
        model.addAttribute("drill", drill);
        model.addAttribute("rows", insight.rows(drill, filter, me.actor()));
        model.addAttribute("limit", InsightService.DRILL_LIMIT);
        model.addAttribute("filter", filter);
        model.addAttribute("back", (team ? "/insight?" : "/my-insight?") + query(filter, team));
        return "insight/rows";
    }

    @GetMapping("/insight/review")
    String review(@RequestParam(required = false) String month, @RequestParam(required = false) Kpi kpi,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        if (!model.containsAttribute("actionForm")) {
            model.addAttribute("actionForm", ActionForm.of(kpi == null ? Kpi.NPS : kpi, me.actor().userId()));
        }
        return reviewPage(period(PeriodKind.MONTH, month), me, model);
    }

    private String reviewPage(Period month, CurrentUser me, Model model) {
        InsightDashboard d = insight.dashboard(new KpiFilter(month, null, null, null), me.actor());
        model.addAttribute("d", d);
        model.addAttribute("month", YearMonth.from(month.start()).toString());
        model.addAttribute("previousMonth", YearMonth.from(month.previous().start()).toString());
        model.addAttribute("nextMonth", YearMonth.from(month.next().start()).toString());
        model.addAttribute("moved", texts.cards(d.figures()).stream().filter(c -> c.better() != null).toList());
        model.addAttribute("kpis", Kpi.values());
        model.addAttribute("owners", owners());
        model.addAttribute("today", LocalDate.now(clock));
        Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("sinceByAction", d.actions().stream().collect(Collectors.toMap(ReviewActionRow::id,
                a -> new Since(texts.value(a.kpi(), a.valueAtReview(), locale),
                        texts.value(a.kpi(), d.current().get(a.kpi()), locale)))));
        return "insight/review";
    }

    /** A line of the complaint times, written. */
    /** A channel's acquisition as the dashboard shows it; {@code channel} null: no channel. */
    record AcquisitionRow(Channel channel, String cost, long newCustomers, String cac, String previousCac) {
    }

    record ComplaintRow(Channel channel, String severity, long resolved, String mean, String median,
                        String firstResponse) {
    }

    /** A KPI's value when an action was decided and now. */
    record Since(String then, String now) {
    }

    @PostMapping("/insight/actions")
    String decide(@RequestParam(required = false) String month, @Valid @ModelAttribute("actionForm") ActionForm form,
                  BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                  RedirectAttributes redirect) {
        Period period = period(PeriodKind.MONTH, month);
        if (!errors.hasErrors() && form.ownerId() != null && !isOwner(form.ownerId())) {
            errors.rejectValue("ownerId", "insight.action.owner.unknown");
        }
        if (errors.hasErrors()) {
            return reviewPage(period, me, model);
        }
        try {
            InsightDashboard d = insight.dashboard(new KpiFilter(period, null, null, null), me.actor());
            insight.decide(YearMonth.from(period.start()), form.kpi(), d.current().get(form.kpi()), form.rootCause(),
                    form.action(), form.ownerId(), form.dueOn(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return reviewPage(period, me, model);
        }
        redirect.addFlashAttribute("flash", "flash.insight.actionRecorded");
        return "redirect:/insight/review?month=" + YearMonth.from(period.start());
    }

    @PostMapping("/insight/actions/{id}/done")
    String done(@PathVariable long id, @RequestParam long version, @RequestParam(required = false) String month,
                @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        try {
            insight.markDone(id, version, me.actor());
            redirect.addFlashAttribute("flash", "flash.insight.actionDone");
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("feedbackError", "insight.action.stale");
        }
        return "redirect:/insight/review?month=" + YearMonth.from(period(PeriodKind.MONTH, month).start());
    }

    @PostMapping("/insight/summary")
    String summary(@RequestParam(defaultValue = "false") boolean wanted, @AuthenticationPrincipal CurrentUser me,
                   Locale locale, RedirectAttributes redirect) {
        insight.weeklySummary(wanted, locale.getLanguage(), me.actor());
        redirect.addFlashAttribute("flash", wanted ? "flash.insight.summaryOn" : "flash.insight.summaryOff");
        return "redirect:/insight";
    }

    @GetMapping("/insight/costs")
    String costs(@AuthenticationPrincipal CurrentUser me, Model model) {
        if (!model.containsAttribute("costForm")) {
            model.addAttribute("costForm", new CostForm(YearMonth.now(clock).toString(), null, null, null));
        }
        return costsPage(me, model);
    }

    private String costsPage(CurrentUser me, Model model) {
        model.addAttribute("costs", insight.costs(me.actor()));
        model.addAttribute("channels", Channel.values());
        return "insight/costs";
    }

    @PostMapping("/insight/costs")
    String enterCost(@Valid @ModelAttribute("costForm") CostForm form, BindingResult errors,
                     @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return costsPage(me, model);
        }
        try {
            insight.enterCost(YearMonth.parse(form.month()), form.channel(), form.campaign(), form.amount(),
                    me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return costsPage(me, model);
        }
        redirect.addFlashAttribute("flash", "flash.insight.costEntered");
        return "redirect:/insight/costs";
    }

    private List<User> owners() {
        return users.all().stream().filter(User::enabled).toList();
    }

    private boolean isOwner(long userId) {
        return owners().stream().anyMatch(u -> u.id() == userId);
    }
}
