package org.relationcrm.pipeline.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.pipeline.BoardColumn;
import org.relationcrm.pipeline.BoardFilter;
import org.relationcrm.pipeline.DashboardFilter;
import org.relationcrm.pipeline.PipelineBoard;
import org.relationcrm.pipeline.PipelineDashboard;
import org.relationcrm.pipeline.PipelineService;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.web.Formats;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserService;
import org.relationcrm.team.web.CurrentUser;

/** The kanban board of open deals, and the manager's dashboard. */
@Controller
class PipelineController {

    private final PipelineService pipeline;
    private final PipelineBoard board;
    private final UserService users;
    private final Clock clock;
    private final Formats formats;

    PipelineController(PipelineService pipeline, PipelineBoard board, UserService users, Clock clock, Formats formats) {
        this.pipeline = pipeline;
        this.board = board;
        this.users = users;
        this.clock = clock;
        this.formats = formats;
    }

    /** A sales rep sees their own deals first ({@code owner=all} for everyone's); who manages all deals sees all. */
    @GetMapping("/pipeline")
    String board(@RequestParam(required = false) String owner, @RequestParam(required = false) Department team,
                 @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @AuthenticationPrincipal CurrentUser me, Model model) {
        BoardFilter filter = filter(owner, team, me);
        List<BoardColumn> columns = board.columns(filter);
        model.addAttribute("columns", columns);
        model.addAttribute("ownerId", filter.ownerId());
        model.addAttribute("team", team);
        model.addAttribute("teams", Department.values());
        model.addAttribute("owners", owners());
        model.addAttribute("period", board.periodStart());
        return htmx != null ? "pipeline/board :: columns" : "pipeline/board";
    }

    /**
     * The next cards of a column, after the cursor of the last one shown: appended in place by htmx, or a page of
     * their own without JavaScript.
     */
    @GetMapping("/pipeline/columns/{stage}")
    String column(@PathVariable Stage stage, @RequestParam(required = false) String after,
                  @RequestParam(required = false) String owner, @RequestParam(required = false) Department team,
                  @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        BoardFilter filter = filter(owner, team, me);
        model.addAttribute("page", board.column(filter, stage, after));
        model.addAttribute("ownerId", filter.ownerId());
        model.addAttribute("team", team);
        model.addAttribute("period", board.periodStart());
        return htmx != null ? "pipeline/board :: page" : "pipeline/column";
    }

    /** Whose deals: "all", a user's id, or by default the user's own (everyone's for who manages all deals). */
    static BoardFilter filter(String owner, Department team, CurrentUser me) {
        Long ownerId = owner == null || owner.isBlank()
                ? (me.can(Permission.MANAGE_ALL_DEALS) ? null : me.id())
                : "all".equals(owner) ? null : Long.valueOf(owner.strip());
        return new BoardFilter(ownerId, team);
    }

    @GetMapping("/pipeline/dashboard")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) Long owner, @RequestParam(required = false) Department team,
                     @AuthenticationPrincipal CurrentUser me, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusMonths(3).plusDays(1) : from;
        if (start.isAfter(end)) {
            start = end;
        }
        PipelineDashboard d = pipeline.dashboard(new DashboardFilter(start, end, owner, team), me.actor());
        model.addAttribute("d", d);
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("ownerId", owner);
        model.addAttribute("team", team);
        model.addAttribute("teams", Department.values());
        model.addAttribute("owners", owners());
        model.addAttribute("forecastTotal", d.forecast().stream().map(PipelineDashboard.ForecastMonth::weighted)
                .reduce(BigDecimal.ZERO, BigDecimal::add));
        model.addAttribute("staleDays", pipeline.settings().staleAfterDays());
        // the charts' figures, as plain numbers for the script; it formats them as the tables do (see pipeline-dashboard.js)
        model.addAttribute("forecastLabels", d.forecast().stream().map(f -> formats.shortMonth(f.month()))
                .collect(Collectors.joining("|")));
        model.addAttribute("forecastWeighted", figures(d.forecast(), PipelineDashboard.ForecastMonth::weighted));
        model.addAttribute("forecastAmount", figures(d.forecast(), PipelineDashboard.ForecastMonth::amount));
        model.addAttribute("conversionRates", figures(d.conversions(), c -> c.rate() == null ? 0 : c.rate()));
        model.addAttribute("stageDays", figures(d.stageTimes(), PipelineDashboard.StageTime::averageDays));
        return "pipeline/dashboard";
    }

    /** One figure per bar, "|" between them, in plain decimal notation: "20000|800", "1|0.5|0.6667". */
    static <T> String figures(List<T> bars, Function<T, Number> figure) {
        return bars.stream()
                .map(bar -> new BigDecimal(figure.apply(bar).toString()).setScale(4, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString())
                .collect(Collectors.joining("|"));
    }

    private List<org.relationcrm.team.User> owners() {
        return users.all().stream().filter(u -> u.enabled() && u.role().grants(Permission.MANAGE_DEALS))
                .toList();
    }
}
