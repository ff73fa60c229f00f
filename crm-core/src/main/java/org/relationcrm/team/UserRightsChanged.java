package org.relationcrm.team;

/**
 * An administrator changed what a user may do (role, department) or disabled them. Published after the change is
 * saved, so that whatever holds the user's open sessions ends them: rights follow the user at once, not at their
 * next login.
 */
public record UserRightsChanged(long userId, String username) {
}
