package org.relationcrm.team;

import java.util.Objects;

import org.relationcrm.shared.Department;

/** The user on whose behalf a service acts: who, with which role, from which department. */
public record Actor(long userId, Role role, Department department) {

    public Actor {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(department, "department");
    }

    public boolean is(Role other) {
        return role == other;
    }
}
