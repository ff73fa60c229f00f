package org.relationcrm.demo;

import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * With the {@code demo} profile: the first set of guides ({@link DemoPlaybookTexts}), written by the demo manager, when
 * there is none yet. A database whose guides were edited keeps them.
 */
@Component
@Profile("demo")
@Order(20)
class DemoPlaybooks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoPlaybooks.class);

    private final PlaybookService playbooks;
    private final UserService users;
    private final JdbcClient jdbc;

    DemoPlaybooks(PlaybookService playbooks, UserService users, JdbcClient jdbc) {
        this.playbooks = playbooks;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from playbook)").query(Boolean.class).single()) {
            log.info("Demo playbooks: guides already written, nothing loaded");
            return;
        }
        Optional<User> author = users.all().stream()
                .filter(u -> u.enabled() && u.role().grants(Permission.MANAGE_PLAYBOOKS))
                .sorted((a, b) -> Boolean.compare(!"manager".equals(a.username()), !"manager".equals(b.username())))
                .findFirst();
        if (author.isEmpty()) {
            log.warn("Demo playbooks: no user may write guides, none loaded");
            return;
        }
        DemoPlaybookTexts.ALL.forEach((situation, texts) -> playbooks.write(situation,
                Map.of(Language.FR, texts.fr(), Language.EN, texts.en()), author.get().asActor()));
        log.info("Demo playbooks loaded: {} guides in French and English", DemoPlaybookTexts.ALL.size());
    }
}
