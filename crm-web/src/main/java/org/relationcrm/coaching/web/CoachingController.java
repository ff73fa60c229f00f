package org.relationcrm.coaching.web;

import java.time.Instant;

import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
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

import org.relationcrm.coaching.AlreadyReviewedException;
import org.relationcrm.coaching.CoachingService;
import org.relationcrm.coaching.Criterion;
import org.relationcrm.coaching.Review;
import org.relationcrm.coaching.ReviewCursor;
import org.relationcrm.coaching.ReviewRow;
import org.relationcrm.coaching.ReviewedInteraction;
import org.relationcrm.coaching.Score;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.web.CurrentUser;

/**
 * Coaching: the manager's page (the queue, the reps waiting for a review, the team's trend), the review form on an
 * exchange, a review with the rep's answer, and the rep's own page.
 */
@Controller
class CoachingController {

    private final CoachingService coaching;

    CoachingController(CoachingService coaching) {
        this.coaching = coaching;
    }

    @GetMapping("/coaching")
    String team(@RequestParam(required = false) Instant at, @RequestParam(required = false) Long id,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("queue", coaching.queue(me.actor()));
        model.addAttribute("unreviewed", coaching.unreviewedReps(me.actor()));
        model.addAttribute("trend", coaching.teamTrend(me.actor()));
        model.addAttribute("reviews", coaching.teamReviews(me.actor(), cursor(at, id)));
        model.addAttribute("window", CoachingService.QUEUE_WINDOW.toDays());
        model.addAttribute("dueAfter", CoachingService.REVIEW_DUE_AFTER.toDays());
        return "coaching/team";
    }

    @GetMapping("/my-coaching")
    String mine(@RequestParam(required = false) Instant at, @RequestParam(required = false) Long id,
                @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("reviews", coaching.myReviews(me.actor(), cursor(at, id)));
        model.addAttribute("trend", coaching.myTrend(me.actor()));
        return "coaching/mine";
    }

    @GetMapping("/coaching/interactions/{id}")
    String reviewForm(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        ReviewedInteraction interaction = coaching.toReview(id, me.actor());
        if (interaction.reviewId() != null) {
            return "redirect:/coaching/reviews/" + interaction.reviewId();
        }
        if (!model.containsAttribute("review")) {
            model.addAttribute("review", ReviewForm.empty());
        }
        return reviewPage(interaction, me, model);
    }

    @PostMapping("/coaching/interactions/{id}")
    String review(@PathVariable long id, @Valid @ModelAttribute("review") ReviewForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        ReviewedInteraction interaction = coaching.toReview(id, me.actor());
        if (errors.hasErrors()) {
            return reviewPage(interaction, me, model);
        }
        try {
            Review review = coaching.review(id, form.scores(), form.overallComment(), me.actor());
            redirect.addFlashAttribute("flash", "flash.coaching.reviewed");
            return "redirect:/coaching/reviews/" + review.id();
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return reviewPage(interaction, me, model);
        } catch (AlreadyReviewedException e) {
            redirect.addFlashAttribute("feedbackError", "coaching.error.alreadyReviewed");
            return "redirect:/coaching/interactions/" + id;
        }
    }

    private String reviewPage(ReviewedInteraction interaction, CurrentUser me, Model model) {
        model.addAttribute("interaction", interaction);
        model.addAttribute("criteria", java.util.Arrays.stream(Criterion.values())
                .map(c -> new CriterionField(c, Review.fieldOf(c))).toList());
        model.addAttribute("levels", java.util.stream.IntStream.rangeClosed(Score.MIN, Score.MAX).boxed().toList());
        return "coaching/review-form";
    }

    @GetMapping("/coaching/reviews/{id}")
    String show(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        ReviewRow review = coaching.reviewRow(id, me.actor());
        model.addAttribute("r", review);
        model.addAttribute("mayAnswer", review.repId() == me.actor().userId());
        if (!model.containsAttribute("answer")) {
            model.addAttribute("answer", new AnswerForm(review.answer()));
        }
        return "coaching/review";
    }

    @PostMapping("/coaching/reviews/{id}/answer")
    String answer(@PathVariable long id, @RequestParam long version, @Valid @ModelAttribute("answer") AnswerForm form,
                  BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                  RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return show(id, me, model);
        }
        try {
            coaching.answer(id, version, form.answer(), me.actor());
            redirect.addFlashAttribute("flash", "flash.coaching.answered");
            return "redirect:/coaching/reviews/" + id;
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return show(id, me, model);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            errors.reject("coaching.error.stale");
            return show(id, me, model);
        }
    }

    /** A criterion of the grid and the form fields of its score and comment. */
    record CriterionField(Criterion criterion, String field) {

        public String commentField() {
            return field + "Comment";
        }
    }

    private static ReviewCursor cursor(Instant at, Long id) {
        return at == null || id == null ? null : new ReviewCursor(at, id);
    }
}
