package org.relationcrm.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.feedback.Complaint;
import org.relationcrm.shared.Channel;

/** What the agent told the client, and how: logged as an exchange with the client, it is a response. */
record ResponseForm(@NotNull Channel channel, @NotBlank @Size(max = Complaint.MAX_TEXT) String summary) {
}
