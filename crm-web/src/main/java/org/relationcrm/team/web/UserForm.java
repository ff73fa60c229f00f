package org.relationcrm.team.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** A new user as the administrator types it. */
record UserForm(
        @NotBlank @Size(max = User.MAX_USERNAME) @Pattern(regexp = User.USERNAME_PATTERN, message = "{user.username.invalid}") String username,
        @NotBlank @Size(max = User.MAX_FULL_NAME) String fullName,
        @Email @Size(max = User.MAX_EMAIL) String email,
        @NotNull Role role,
        @NotNull Department department,
        @NotBlank @Size(min = UserService.MIN_PASSWORD_LENGTH, max = UserService.MAX_PASSWORD_LENGTH)
        String password) {

    static UserForm blank() {
        return new UserForm(null, null, null, Role.SALES, Department.SALES, null);
    }
}
