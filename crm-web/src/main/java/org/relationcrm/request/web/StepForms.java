package org.relationcrm.request.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.request.Request;

/** The small forms of a request's page, one per step. */
final class StepForms {

    private StepForms() {
    }

    /** What was done, or what to tell the client. */
    record AnswerForm(@NotBlank @Size(max = Request.MAX_TEXT) String answer) {
    }

    /** Why the request is declined. */
    record DeclineForm(@NotBlank @Size(max = Request.MAX_REASON) String reason) {
    }

    /** The question back to the requester. */
    record QuestionForm(@NotBlank @Size(max = Request.MAX_REASON) String question) {
    }

    /** The requester's answer to the question. */
    record ReplyForm(@NotBlank @Size(max = Request.MAX_TEXT) String reply) {
    }

    /** Useful or not, and why (required when not useful: the aggregate's rule). */
    record RatingForm(@NotNull Boolean useful, @Size(max = Request.MAX_REASON) String comment) {
    }
}
