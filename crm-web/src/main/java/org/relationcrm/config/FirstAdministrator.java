package org.relationcrm.config;


import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import org.relationcrm.shared.Department;
import org.relationcrm.team.GeneratedPassword;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;

/**
 * A new database has no user, so nobody could sign in: on a start that finds no user at all, the administrator
 * {@value #USERNAME} is created, with the password of {@code relation.admin.initial-password}
 * (RELATION_ADMIN_INITIAL_PASSWORD) or, when none is given, a generated one written once to the log.
 * It runs after the demo data (which brings its own users), so it never competes with them.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnWebApplication
class FirstAdministrator implements ApplicationRunner {

    static final String USERNAME = "admin";
    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final UserService users;
    private final String initialPassword;

    FirstAdministrator(UserService users, @Value("${relation.admin.initial-password:}") String initialPassword) {
        this.users = users;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.noUserYet()) {
            return;
        }
        boolean generated = initialPassword.isBlank();
        String password = generated ? GeneratedPassword.of(20) : initialPassword;
        try {
            users.create(USERNAME, password, "Administrateur", Role.ADMIN, Department.MANAGEMENT);
        } catch (UserService.DuplicateUsernameException e) {
            return; // another node created it at the same moment
        }
        if (generated) {
            log.warn("No user yet: created the administrator '{}' with the password {} (shown once; set "
                    + "RELATION_ADMIN_INITIAL_PASSWORD to choose it). Sign in at /login and create the team's users.",
                    USERNAME, password);
        } else {
            log.warn("No user yet: created the administrator '{}' with the password of relation.admin.initial-password.",
                    USERNAME);
        }
    }
}
