package org.relationcrm.feedback;

import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

/** Who does what in feedback: support owns complaints, managers handle level 2+, ADV maintains products held. */
public final class FeedbackRights {

    private FeedbackRights() {
    }

    /** Anyone who talks to clients may record a complaint they heard. */
    public static boolean canLogComplaints(Role role) {
        return role.canLogInteractions();
    }

    /** Support owns complaints; a manager handles everything. */
    public static boolean canHandleComplaints(Role role) {
        return role == Role.SUPPORT || role == Role.MANAGER;
    }

    public static boolean canSendSurveys(Role role) {
        return role == Role.SALES || role == Role.SUPPORT || role == Role.MANAGER;
    }

    public static boolean canMaintainHeldLines(Role role) {
        return role == Role.ADV;
    }

    static void require(boolean allowed, Actor actor, String what) {
        if (!allowed) {
            throw new ForbiddenActionException("role " + actor.role() + " cannot " + what);
        }
    }
}
