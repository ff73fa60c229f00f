package org.relationcrm.playbook.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.GuideVersion;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.Slice;

/** The playbook read side, in SQL (crm-persistence): each method one statement. */
public interface PlaybookQueries {

    /** Every guide, in the order of the situations, with its use. */
    List<PlaybookRow> list();

    /** A guide with this reader's vote; {@code countOpened}: the same statement counts it as opened. */
    Optional<Guide> guide(long id, long readerId, boolean countOpened);

    /** The guides of these situations that exist, with this reader's votes; the same statement counts them shown. */
    Map<Situation, Guide> shown(Set<Situation> situations, long readerId);

    /** Versions older than {@code before} (null: from the current one), newest first. */
    Slice<GuideVersion, Integer> history(long id, Integer before, int limit);
}
