package org.relationcrm.team.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;

/** A new user as the administrator types it. */
record UserForm(
        @NotBlank @Size(max = 60) @Pattern(regexp = "^[a-zA-Z0-9._-]*$", message = "{user.username.invalid}") String username,
        @NotBlank @Size(max = 120) String fullName,
        @NotNull Role role,
        @NotNull Department department,
        @NotBlank @Size(min = 10, max = 100) String password) {

    static UserForm blank() {
        return new UserForm(null, null, Role.SALES, Department.SALES, null);
    }
}
