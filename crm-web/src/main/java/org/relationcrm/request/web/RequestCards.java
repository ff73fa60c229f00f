package org.relationcrm.request.web;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import org.relationcrm.request.RequestReadService;
import org.relationcrm.request.MyDayRequests;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The requests of "My day", asked for by its controller before rendering (one statement): those waiting in the
 * user's department's queue (and addressed to them), and the user's own requests waiting on them. The fragment
 * {@code fragments/requests :: list} renders them.
 */
@NamedInterface(name = "web", propagate = false)
@Component
public class RequestCards {

    private final RequestReadService reads;

    RequestCards(RequestReadService reads) {
        this.reads = reads;
    }

    /**
     * The queue's first requests, the nearest due first, and the user's own requests with a question to answer or
     * an answer to rate; null for a user who neither sends nor answers requests.
     */
    public MyDayRequests of(Actor actor) {
        return actor.can(Permission.ANSWER_REQUESTS) || actor.can(Permission.SEND_REQUESTS) ? reads.myDay(actor) : null;
    }
}
