package org.relationcrm.coaching.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.relationcrm.coaching.Review;

/** The rep's answer to a review. */
record AnswerForm(@NotBlank @Size(max = Review.MAX_ANSWER) String answer) {
}
