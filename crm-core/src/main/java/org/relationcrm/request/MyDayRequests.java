package org.relationcrm.request;

import java.util.List;

/** A user's requests on "My day": those to answer (their department's queue and theirs), those waiting on them. */
public record MyDayRequests(List<RequestRow> toAnswer, List<RequestRow> waitingOnMe) {
}
