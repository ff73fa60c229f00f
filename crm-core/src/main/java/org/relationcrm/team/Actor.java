package org.relationcrm.team;

import java.util.Objects;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;

/** The user on whose behalf a service acts: who, with which role, from which department. */
public record Actor(long userId, Role role, Department department) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(department, "department");
    }

    /** Whether this user's role grants the permission: services and aggregates ask this, never which role it is. */
    public boolean can(Permission permission) {
        return role.grants(permission);
    }

    /** Throws {@link ForbiddenActionException} unless this user may do it. */
    public void require(Permission permission) {
        if (!can(permission)) {
            throw new ForbiddenActionException("role " + role + " lacks " + permission);
        }
    }
}
