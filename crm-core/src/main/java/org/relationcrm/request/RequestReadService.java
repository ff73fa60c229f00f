package org.relationcrm.request;

import java.util.List;

import org.springframework.stereotype.Service;

import org.relationcrm.request.internal.RequestQueries;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;

/** The request lists and the manager's figures, read in SQL. */
@Service
@ReadModel
public class RequestReadService {

    public static final int PAGE_SIZE = 25;
    /** How many of a queue's requests "My day" shows. */
    public static final int MY_DAY_SIZE = 5;
    /** The period of the manager's figures. */
    public static final int FIGURES_DAYS = 90;

    private final RequestQueries queries;

    public RequestReadService(RequestQueries queries) {
        this.queries = queries;
    }

    /** The queue of the user's department (and what is addressed to them), the nearest due time first. */
    public Slice<RequestRow, Long> queue(Actor actor, Long after) {
        return queries.queue(actor.department(), actor.userId(), after, PAGE_SIZE);
    }

    /** What "My day" shows, in one statement. */
    public MyDayRequests myDay(Actor actor) {
        return queries.myDay(actor.department(), actor.userId(), MY_DAY_SIZE);
    }

    public Slice<RequestRow, Long> sentBy(long requesterId, Long after) {
        return queries.sentBy(requesterId, after, PAGE_SIZE);
    }

    public List<RequestRow> waitingOn(long requesterId) {
        return queries.waitingOn(requesterId, MY_DAY_SIZE);
    }

    public RequestRow request(long id) {
        return queries.request(id);
    }

    public RequestFigures figures() {
        return queries.figures(FIGURES_DAYS, 10);
    }
}
