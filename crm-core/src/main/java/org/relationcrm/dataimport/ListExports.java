package org.relationcrm.dataimport;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Says that a list was exported: {@link ListExported}, published in a transaction so that after-commit listeners
 * (an audit log, through the event publication registry) hear it too.
 */
@Service
public class ListExports {

    private final ApplicationEventPublisher events;

    ListExports(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Transactional
    public void exported(Actor actor, String what, long rows) {
        actor.require(Permission.EXPORT_LISTS);
        events.publishEvent(new ListExported(actor.userId(), what, rows));
    }
}
