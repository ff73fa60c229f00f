package org.relationcrm.demo;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import org.relationcrm.request.NewRequest;
import org.relationcrm.request.Request;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestSubject;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * With the {@code demo} profile, after the clients, deals and complaints: a handful of requests between departments
 * in every state (new, taken in hand, a question back, done and rated, declined, one overdue), sent through the
 * service so that their steps are on the clients' timelines. Only when there is no request yet and the demo users
 * exist.
 */
@Component
@Profile("demo")
@Order(20)
class DemoRequests implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoRequests.class);

    private final RequestService requests;
    private final UserService users;
    private final JdbcClient jdbc;

    DemoRequests(RequestService requests, UserService users, JdbcClient jdbc) {
        this.requests = requests;
        this.users = users;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select exists (select 1 from request)").query(Boolean.class).single()) {
            return;
        }
        Optional<Actor> support = demoUser("support");
        Optional<Actor> adv = demoUser("adv");
        Optional<Actor> sales = demoUser("sales");
        List<Long> companies = jdbc.sql("select id from company order by id limit 6").query(Long.class).list();
        if (support.isEmpty() || adv.isEmpty() || sales.isEmpty() || companies.size() < 6) {
            log.info("Demo requests: no demo users or too few companies, none created");
            return;
        }
        Long complaint = jdbc.sql("select id from complaint where company_id = :c order by id limit 1")
                .param("c", companies.get(0)).query(Long.class).optional().orElse(null);
        Long deal = jdbc.sql("select id from opportunity where company_id = :c order by id limit 1")
                .param("c", companies.get(1)).query(Long.class).optional().orElse(null);

        // 1. done and rated useful: support asked the order desk for a credit note about a complaint
        Request creditNote = send(companies.get(0), complaint == null ? null : RequestSubject.COMPLAINT, complaint,
                Department.ADV, RequestKind.CREDIT_NOTE, "Avoir de 180 € HT sur la facture F-2026-0412, facturée deux fois.",
                support.get());
        requests.accept(creditNote.id(), 0, adv.get());
        requests.complete(creditNote.id(), 1, "Avoir AV-2026-031 émis et envoyé au client par email.", adv.get());
        requests.rate(creditNote.id(), 2, true, null, support.get());
        // 2. a question back to the requester: sales asked for special terms on a deal
        Request terms = send(companies.get(1), deal == null ? null : RequestSubject.OPPORTUNITY, deal, Department.ADV,
                RequestKind.SPECIAL_TERMS, "Paiement à 60 jours au lieu de 30 pour la commande d'équipement.",
                sales.get());
        requests.askForInformation(terms.id(), 0, "Quel montant de commande ? Au-delà de 20 000 € il faut l'accord "
                + "de la direction financière.", adv.get());
        // 3. taken in hand, not answered yet
        Request delivery = send(companies.get(2), null, null, Department.ADV, RequestKind.DELIVERY_CHANGE,
                "Le client demande une livraison en deux fois : moitié le 15, moitié le 30.", sales.get());
        requests.accept(delivery.id(), 0, adv.get());
        // 4. new, and overdue: sent two days ago
        Request help = send(companies.get(3), null, null, Department.SUPPORT, RequestKind.TECHNICAL_HELP,
                "Le client n'arrive pas à se connecter au portail depuis la mise à jour.", sales.get());
        jdbc.sql("""
                update request set created_at = created_at - interval '2 days', due_at = due_at - interval '2 days'
                where id = :id""").param("id", help.id()).update();
        // 5. declined with a reason
        Request declined = send(companies.get(4), null, null, Department.ADV, RequestKind.CREDIT_NOTE,
                "Avoir sur la livraison du mois dernier, arrivée avec un jour de retard.", support.get());
        requests.decline(declined.id(), 0, "Le contrat ne prévoit pas de pénalité pour un jour de retard.", adv.get());
        // 6. done, not rated yet: information for the client from sales
        Request info = send(companies.get(5), null, null, Department.SALES, RequestKind.CLIENT_INFORMATION,
                "Le client veut connaître la date de fin de son contrat de maintenance.", support.get());
        requests.complete(info.id(), 0, "Fin du contrat le 31 mars 2027, reconduction tacite d'un an.", sales.get());
        log.info("Demo requests: 6 requests between departments created");
    }

    private Request send(long companyId, RequestSubject subject, Long subjectId, Department to, RequestKind kind,
                         String needed, Actor from) {
        return requests.send(new NewRequest(companyId, subjectId == null ? null : subject, subjectId, to, null, kind,
                needed, null), from);
    }

    private Optional<Actor> demoUser(String username) {
        return users.all().stream().filter(u -> u.username().equals(username) && u.enabled()).findFirst()
                .map(User::asActor);
    }
}
