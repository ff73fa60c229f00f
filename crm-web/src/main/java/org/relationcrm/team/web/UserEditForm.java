package org.relationcrm.team.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService.UserChanges;

/** The administrator's edit of a user (who they are, what they may do), from the version they saw. */
record UserEditForm(
        @NotBlank @Size(max = User.MAX_USERNAME) @Pattern(regexp = User.USERNAME_PATTERN, message = "{user.username.invalid}") String username,
        @NotBlank @Size(max = User.MAX_FULL_NAME) String fullName,
        @Email @Size(max = User.MAX_EMAIL) String email,
        @NotNull Role role,
        @NotNull Department department,
        Boolean enabled,
        @NotNull Long version) {

    static UserEditForm of(User user) {
        return new UserEditForm(user.username(), user.fullName(), user.email(), user.role(), user.department(),
                user.enabled(), user.version());
    }

    boolean isEnabled() {
        return Boolean.TRUE.equals(enabled);
    }

    UserChanges changes() {
        return new UserChanges(username, fullName, email, role, department, isEnabled());
    }
}
