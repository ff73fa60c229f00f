package org.relationcrm.audit;

import java.util.Objects;

/**
 * Who does something, as the audit records it: the user's id (null for a process acting on nobody's behalf, or a
 * failed sign-in under a name that may not exist), the name to show (the username) and the address the request
 * came from (null outside a request).
 */
public record AuditActor(Long userId, String name, String address) {

    /** Longest name kept (the column's width); longer ones (a failed sign-in's typed text) are cut. */
    public static final int MAX_NAME = 120;

    public AuditActor {
        Objects.requireNonNull(name, "name");
        name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }

    /** A user acting outside a request (no address). */
    public static AuditActor user(long userId, String username) {
        return new AuditActor(userId, username, null);
    }
}
