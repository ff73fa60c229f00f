package org.relationcrm.team.web;

import jakarta.validation.constraints.NotNull;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;

/** Changing a user's role, department or access, from the version the administrator saw. */
record UserRoleForm(@NotNull Role role, @NotNull Department department, Boolean enabled, @NotNull Long version) {
}
