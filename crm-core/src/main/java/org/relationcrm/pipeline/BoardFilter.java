package org.relationcrm.pipeline;

import org.relationcrm.shared.Department;

/** Whose deals the board shows: one owner, one team (department), or everyone's. */
public record BoardFilter(Long ownerId, Department team) {
}
