package org.relationcrm.feedback.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.relationcrm.feedback.Complaint;
import org.relationcrm.feedback.ComplaintCategory;
import org.relationcrm.feedback.NewComplaint;
import org.relationcrm.feedback.Severity;
import org.relationcrm.shared.Channel;

/** A complaint as the agent types it, in the client's words. */
record ComplaintForm(
        Long contactId,
        @NotNull Channel channel,
        @NotNull ComplaintCategory category,
        @NotNull Severity severity,
        @NotBlank @Size(max = Complaint.MAX_SUBJECT) String subject,
        @NotBlank @Size(max = Complaint.MAX_TEXT) String description,
        @NotNull Long ownerId) {

    static ComplaintForm blank(long ownerId) {
        return new ComplaintForm(null, Channel.PHONE, null, Severity.MEDIUM, null, null, ownerId);
    }

    NewComplaint toCommand(long companyId) {
        return new NewComplaint(companyId, contactId, channel, category, severity, subject, description);
    }
}
