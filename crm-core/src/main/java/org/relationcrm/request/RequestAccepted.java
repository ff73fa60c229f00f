package org.relationcrm.request;

import org.relationcrm.team.Actor;

/** Someone of the receiving department took the request in hand (not an answer: not on the client's timeline). */
public record RequestAccepted(long requestId, long companyId, Actor actor) {
}
