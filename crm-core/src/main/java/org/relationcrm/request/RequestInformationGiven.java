package org.relationcrm.request;

import org.relationcrm.team.Actor;

/** The requester answered the receiving department's question: the request is back in its queue. */
public record RequestInformationGiven(long requestId, long companyId, Actor actor) {
}
