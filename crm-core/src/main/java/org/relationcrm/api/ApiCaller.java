package org.relationcrm.api;

import org.relationcrm.team.User;

/** Who calls the API: the token's user as they are now (enabled, current role), and the token's id and scope. */
public record ApiCaller(User user, long tokenId, ApiScope scope) {
}
