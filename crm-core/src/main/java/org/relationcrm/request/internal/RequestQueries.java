package org.relationcrm.request.internal;

import java.util.List;

import org.relationcrm.request.MyDayRequests;
import org.relationcrm.request.RequestFigures;
import org.relationcrm.request.RequestRow;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.Slice;

/** The request read side, in SQL (crm-persistence). */
public interface RequestQueries {

    /**
     * The queue of a department (and of a person in it: what is addressed to them): new and accepted requests, the
     * nearest due time first; keyset after the request {@code after}, whose sort values the statement reads again.
     */
    Slice<RequestRow, Long> queue(Department department, long userId, Long after, int limit);

    /** A requester's requests, the newest first; keyset after the request {@code after}. */
    Slice<RequestRow, Long> sentBy(long requesterId, Long after, int limit);

    /** A requester's requests that wait on them: a question to answer, an answer to rate. */
    List<RequestRow> waitingOn(long requesterId, int limit);

    /**
     * "My day" in one statement: the first requests of the queue ({@link #queue}) and the user's own requests
     * waiting on them ({@link #waitingOn}).
     */
    MyDayRequests myDay(Department department, long userId, int limit);

    RequestRow request(long id);

    /** Whether the deal or complaint exists and is about this company. */
    boolean subjectBelongsTo(RequestSubject subject, long subjectId, long companyId);

    RequestFigures figures(int days, int oldest);
}
