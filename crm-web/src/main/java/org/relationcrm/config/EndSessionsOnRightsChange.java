package org.relationcrm.config;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import org.relationcrm.team.UserPasswordChanged;
import org.relationcrm.team.UserRightsChanged;

/**
 * Ends every open session of a user whose rights an administrator changed (disabled, other role or department):
 * the user's next request, on any node, finds no session and goes to the login page, and signs in again with
 * the new rights. Runs once the change is committed, so a refused change ends nothing.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class EndSessionsOnRightsChange {

    private static final Logger log = LoggerFactory.getLogger(EndSessionsOnRightsChange.class);

    private final FindByIndexNameSessionRepository<?> sessions;

    EndSessionsOnRightsChange(FindByIndexNameSessionRepository<?> sessions) {
        this.sessions = sessions;
    }

    @TransactionalEventListener
    void endSessionsOf(UserRightsChanged change) {
        log.info("Rights of user {} changed: {} open session(s) ended", change.userId(), end(change.username()));
    }

    /** Sessions opened with the old password end too (the same way): the user signs in again with the new one. */
    @TransactionalEventListener
    void endSessionsOf(UserPasswordChanged change) {
        log.info("User {} chose a new password: {} open session(s) ended", change.userId(), end(change.username()));
    }

    private int end(String username) {
        Set<String> ids = sessions.findByPrincipalName(username).keySet();
        ids.forEach(sessions::deleteById);
        return ids.size();
    }
}
