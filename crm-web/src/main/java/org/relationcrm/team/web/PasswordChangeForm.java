package org.relationcrm.team.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.relationcrm.team.UserService;

/** A signed-in user's new password, with the current one as proof and the new one typed twice. */
record PasswordChangeForm(
        @NotBlank @Size(max = UserService.MAX_PASSWORD_LENGTH) String currentPassword,
        @NotBlank @Size(min = UserService.MIN_PASSWORD_LENGTH, max = UserService.MAX_PASSWORD_LENGTH)
        String newPassword,
        @NotBlank @Size(max = UserService.MAX_PASSWORD_LENGTH) String confirmation) {

    static PasswordChangeForm blank() {
        return new PasswordChangeForm(null, null, null);
    }
}
