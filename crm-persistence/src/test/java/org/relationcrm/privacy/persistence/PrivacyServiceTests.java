package org.relationcrm.privacy.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.Contact;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.privacy.AnonymisationOutcome;
import org.relationcrm.privacy.LegalHold;
import org.relationcrm.privacy.PrivacyService;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The erasure on PostgreSQL: names are replaced as whole words, whatever characters an email holds, and not inside
 * other words; an order under way or an unpaid invoice of the company holds the erasure back.
 */
@SpringBootTest
class PrivacyServiceTests {

    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired InteractionService interactions;
    @Autowired OrderService orders;
    @Autowired ProductLineAdmin productLines;
    @Autowired PrivacyService privacy;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    Actor rep;
    Actor manager;
    Company company;

    @BeforeEach
    void setUp() {
        rep = TestData.user(users, Role.SALES, Department.SALES).asActor();
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Société"), rep.userId()), rep);
    }

    @Test
    void namesAreReplacedAsWholeWordsAndAnEmailIsTakenLiterally() {
        String email = "jo.o'neil+crm@" + TestData.unique("x").toLowerCase() + ".fr";
        Contact jo = clients.addContact(company.id(), TestData.person("Jo", "Roux", email));
        long call = log(jo, "Jo Roux, Rouxel et Jojo : écrire à " + email + " ou à joXo'neil+crm@autre.fr");

        var outcome = privacy.anonymise(jo.id(), clients.contact(jo.id()).version(), manager);

        assertThat(outcome).isInstanceOf(AnonymisationOutcome.Anonymised.class);
        assertThat(jdbc.sql("select summary from interaction where id = ?").param(call).query(String.class).single())
                .isEqualTo("*** ***, Rouxel et Jojo : écrire à *** ou à joXo'neil+crm@autre.fr");
    }

    @Test
    void anOrderUnderWayOrAnUnpaidInvoiceOfTheCompanyHoldsTheErasureBack() {
        Contact anne = clients.addContact(company.id(), TestData.person("Anne", "Commande", null));
        long line = productLines.create(TestData.unique("P").substring(0, 8).toUpperCase(), "Gamme", null,
                TestData.user(users, Role.ADMIN, Department.MANAGEMENT).asActor()).id();
        var order = orders.place(company.id(), new OrderDetails(null, null, LocalDate.now(clock), "EUR",
                PaymentTerms.NET_30, LocalDate.now(clock).plusDays(10), List.of(new OrderDetails.Line(line, 1,
                        new BigDecimal("100"), null))), TestData.user(users, Role.ADV, Department.ADV).asActor());

        var underWay = privacy.anonymise(anne.id(), clients.contact(anne.id()).version(), manager);
        assertThat(underWay).isInstanceOfSatisfying(AnonymisationOutcome.Refused.class, refused ->
                assertThat(refused.reasons()).extracting(LegalHold::kind).containsExactly(LegalHold.Kind.ORDER_UNDER_WAY));

        jdbc.sql("update customer_order set status = 'INVOICED', invoice_number = :n, invoiced_on = :d, "
                        + "invoice_due_on = :d where id = :id")
                .param("n", TestData.unique("F")).param("d", LocalDate.now(clock))
                .param("id", order.id()).update();
        var unpaid = privacy.anonymise(anne.id(), clients.contact(anne.id()).version(), manager);
        assertThat(unpaid).isInstanceOfSatisfying(AnonymisationOutcome.Refused.class, refused ->
                assertThat(refused.reasons()).extracting(LegalHold::kind).containsExactly(LegalHold.Kind.UNPAID_INVOICE));

        jdbc.sql("update customer_order set status = 'PAID', paid_on = :d where id = :id")
                .param("d", LocalDate.now(clock)).param("id", order.id()).update();
        assertThat(privacy.anonymise(anne.id(), clients.contact(anne.id()).version(), manager))
                .isInstanceOf(AnonymisationOutcome.Anonymised.class);
    }

    private long log(Contact with, String summary) {
        return interactions.log(new LogInteraction(company.id(), Set.of(with.id()), Channel.PHONE, Direction.OUTBOUND,
                clock.instant().minusSeconds(3600), "Appel", summary, null, null, null, null), rep).id();
    }
}
