package org.relationcrm.segment;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.relationcrm.shared.Slice;

/** The segments' reads, each one parameterised SQL statement (crm-persistence). */
public interface SegmentQueries {

    /** The segments a user may use: their own and the shared ones, by name. */
    List<SegmentSummary> visibleTo(long userId);

    SegmentCount count(SegmentCriteria criteria, LocalDate today);

    /** The clients kept, by name, a page after {@code after}. */
    Slice<SegmentClient, ClientCursor> clients(SegmentCriteria criteria, LocalDate today, ClientCursor after,
                                               int limit);

    /** The people kept, by client then name, at most {@code limit}. */
    List<SegmentPerson> people(SegmentCriteria criteria, LocalDate today, int limit);

    /** Every person kept, read as a stream (an export of any size in constant memory). */
    void eachPerson(SegmentCriteria criteria, LocalDate today, Consumer<SegmentPerson> action);
}
