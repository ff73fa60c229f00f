package org.relationcrm.pipeline.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.pipeline.BoardFilter;
import org.relationcrm.pipeline.LostReason;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.OpportunityService;
import org.relationcrm.pipeline.PipelineBoard;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.StaleEditException;

import org.relationcrm.shared.RuleViolation;

import org.relationcrm.shared.web.FormErrors;

/**
 * A card dropped on another column of the board moves the deal at once, on the version the board showed. Only
 * what the new stage needs and the deal lacks is asked, in a small dialog: why it was lost, or a next step when the
 * deal has none or it is overdue (the current one pre-filled). Answers are fragments for the board's script:
 * 200 the card and the columns' new totals; 422 the dialog; 409 a stale version or a rule (the reason, and the
 * card goes back); 400 a malformed request. Without JavaScript, each card links to the stage form instead.
 */
@Controller
class BoardMoveController {

    static final int NEEDS_INPUT = 422;

    private final OpportunityService opportunities;
    private final PipelineBoard board;
    private final Clock clock;

    BoardMoveController(OpportunityService opportunities, PipelineBoard board, Clock clock) {
        this.opportunities = opportunities;
        this.board = board;
        this.clock = clock;
    }

    @PostMapping("/opportunities/{id}/move")
    String move(@PathVariable long id, @Valid @ModelAttribute("form") StageForm form, BindingResult errors,
                @RequestParam(required = false) String owner, @RequestParam(required = false) Department team,
                @RequestParam(required = false) boolean asked, @AuthenticationPrincipal CurrentUser me,
                Model model, HttpServletResponse response) {
        BoardFilter filter = PipelineController.filter(owner, team, me);
        Opportunity o = opportunities.load(id);
        if (!o.canBeManagedBy(me.actor())) {
            throw new ForbiddenActionException("only the owner or a manager manages this opportunity");
        }
        if (form.stage() == null || form.version() == null || form.stage() == o.stage() || errors.hasGlobalErrors()
                || errors.getFieldErrors().stream()
                        .anyMatch(e -> !StageForm.fieldsNeededBy(form.stage()).contains(e.getField()))) {
            // the dialog can only correct the fields the stage asks for: anything else is not the board's request
            return message(response, HttpServletResponse.SC_BAD_REQUEST, "board.move.invalid", model);
        }
        if (form.version() != o.version() || !o.stage().isOpen()) {
            return stale(id, filter, response, model);
        }
        LocalDate today = LocalDate.now(clock);
        boolean nothingTyped = !errors.hasErrors() && blank(form.nextStepAction()) && form.nextStepDue() == null;
        Optional<NextStepPlan> kept = form.stage().isOpen() && nothingTyped ? o.nextStepStillDue(today)
                : Optional.empty();
        try {
            // the deal says what the stage needs (a next step, why it was lost); the board only asks for it
            opportunities.moveTo(id, form.version(), form.stage(), kept.orElse(form.nextStep()), form.lostReason(),
                    form.lostComment(), me.actor());
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            return stale(id, filter, response, model);
        } catch (RuleViolation broken) {
            Set<String> asksFor = StageForm.fieldsNeededBy(form.stage());
            if (broken.broken().stream().allMatch(b -> b.field() != null && asksFor.contains(b.field()))) {
                if (asked) {
                    FormErrors.show(broken, errors);
                }
                return dialog(o, asked ? form : StageForm.prefilled(o, form.stage(), today), asked, filter, model,
                        response);
            }
            // a rule the dialog cannot satisfy (a discount awaiting approval before WON): said as it is
            return message(response, HttpServletResponse.SC_CONFLICT, broken.broken().getFirst().code(), model);
        }
        return card(id, filter, "board.move.done", model);
    }

    private String dialog(Opportunity o, StageForm form, boolean asked, BoardFilter filter, Model model,
                          HttpServletResponse response) {
        response.setStatus(NEEDS_INPUT);
        if (!asked) {
            // the first drop asked for nothing yet: the dialog opens clean, pre-filled, without error messages
            model.asMap().remove(BindingResult.MODEL_KEY_PREFIX + "form");
        }
        model.addAttribute("o", o);
        model.addAttribute("form", form);
        model.addAttribute("ownerId", filter.ownerId());
        model.addAttribute("team", filter.team());
        model.addAttribute("lostReasons", LostReason.values());
        return "pipeline/board :: moveForm";
    }

    /**
     * Someone changed the deal since the board was drawn: nothing is written; the user is told, and the card is
     * drawn as it is now, in its column now.
     */
    private String stale(long id, BoardFilter filter, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        return card(id, filter, "board.move.stale", model);
    }

    private String card(long id, BoardFilter filter, String messageKey, Model model) {
        model.addAttribute("card", board.card(id));
        model.addAttribute("columns", board.totals(filter));
        model.addAttribute("period", board.periodStart());
        model.addAttribute("messageKey", messageKey);
        return "pipeline/board :: moved";
    }

    private static String message(HttpServletResponse response, int status, String key, Model model) {
        response.setStatus(status);
        model.addAttribute("messageKey", key);
        return "pipeline/board :: message";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
