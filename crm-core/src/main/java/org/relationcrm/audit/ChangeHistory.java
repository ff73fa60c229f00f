package org.relationcrm.audit;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Who changed what and when, field by field, on companies, people, deals, complaints, orders and users (their role
 * included). The history is written by PostgreSQL triggers (migration V70), not by Hibernate Envers: crm-core keeps no
 * Hibernate-specific annotation, and writes made in SQL (bulk updates such as "My day"'s, a merge of companies, an
 * import) are recorded exactly like a form's edit. The acting user reaches the trigger through a transaction-local
 * setting that the persistence layer sets once per writing transaction from {@link CurrentActor}.
 */
@Service
public class ChangeHistory {

    /** Changes per page of a record's history. */
    public static final int PAGE_SIZE = 20;

    private final ChangeHistoryStore store;

    public ChangeHistory(ChangeHistoryStore store) {
        this.store = store;
    }

    /**
     * A page of the record's changes, newest first. Needs {@link Permission#VIEW_CHANGE_HISTORY}; a user's history
     * (their role, rights, account) also {@link Permission#ADMINISTER_USERS}.
     */
    @ReadModel
    public Slice<Change, ChangeCursor> of(RecordKind kind, long recordId, ChangeCursor before, Actor actor) {
        actor.require(Permission.VIEW_CHANGE_HISTORY);
        if (kind == RecordKind.USER) {
            actor.require(Permission.ADMINISTER_USERS);
        }
        return store.page(kind, recordId, before, PAGE_SIZE);
    }

    /** The full names of the users a page of changes refers to (owners, handlers…), by id. */
    @ReadModel
    public Map<Long, String> userNames(Collection<Long> ids) {
        return ids.isEmpty() ? Map.of() : store.userNames(ids);
    }

    /**
     * Forgets the values of every change of one record (who changed which field and when stays): for the
     * anonymisation of a person, whose old names and addresses must not survive in their history.
     */
    @Transactional
    public int forgetValues(RecordKind kind, long recordId) {
        return store.forgetValues(kind, recordId);
    }
}
