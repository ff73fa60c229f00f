package org.relationcrm.request;

import org.relationcrm.team.Actor;

/** The requester, the internal client, rated the answer (kept between colleagues: not on the client's timeline). */
public record RequestRated(long requestId, long companyId, boolean useful, Actor actor) {
}
