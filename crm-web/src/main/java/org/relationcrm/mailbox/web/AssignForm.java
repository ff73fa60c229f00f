package org.relationcrm.mailbox.web;

import jakarta.validation.constraints.NotNull;

/** "This email is with this client (and this person of it)", as the user saw the email ({@code version}). */
record AssignForm(@NotNull Long companyId, Long contactId, @NotNull Long version) {
}
