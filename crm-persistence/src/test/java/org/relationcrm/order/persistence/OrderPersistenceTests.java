package org.relationcrm.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RiskReason;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderCard;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderReadService;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * Orders on a real PostgreSQL: numbered from the sequence, read back with their lines, edited on the version seen;
 * the 360° card's figures, the order desk's day, the lines a delivery makes held, and the churn reasons that late
 * deliveries and overdue invoices become.
 */
@SpringBootTest
class OrderPersistenceTests {

    @Autowired OrderService orders;
    @Autowired OrderReadService reads;
    @Autowired ClientService clients;
    @Autowired UserService users;
    @Autowired ProductLineAdmin catalog;
    @Autowired FeedbackReadService feedback;
    @Autowired JdbcClient jdbc;
    @Autowired java.time.Clock clock;

    Actor adv;
    long company;
    long line;
    LocalDate today;

    @BeforeEach
    void setUp() {
        adv = TestData.user(users, Role.ADV, Department.ADV).asActor();
        Actor sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        company = clients.createCompany(new CompanyDetails(TestData.unique("Cmd"), null, null, null, null, null,
                "Nantes", "France", null, null, CompanyStatus.CUSTOMER, sales.userId(), null), sales).id();
        Actor admin = TestData.user(users, Role.ADMIN, Department.MANAGEMENT).asActor();
        line = catalog.create(TestData.unique("L").substring(0, 8).toUpperCase(), "Gamme " + TestData.unique("g"),
                null, admin).id();
        today = LocalDate.now(clock); // the app's day, in relation.time-zone, not the JVM's
    }

    private Order place(LocalDate orderedOn, LocalDate promisedOn, String price) {
        return orders.place(company, new OrderDetails(null, null, orderedOn, "EUR", PaymentTerms.NET_30, promisedOn,
                List.of(new OrderDetails.Line(line, 2, new BigDecimal(price), new BigDecimal("10")))), adv);
    }

    @Test
    void anOrderIsNumberedKeptWithItsLinesAndEditedOnTheVersionSeen() {
        Order order = place(today, today.plusDays(5), "100");
        assertThat(order.number()).matches("CMD-\\d{4}-\\d{6,}");
        Order read = orders.page(order.id()).order();
        assertThat(read.lines()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualTo(2));
        assertThat(read.total()).isEqualByComparingTo("180.00");
        assertThatThrownBy(() -> orders.confirm(order.id(), read.version() + 1, adv))
                .isInstanceOf(StaleEditException.class);
        assertThat(orders.confirm(order.id(), read.version(), adv).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void theCardTheDayAndTheChurnReasonsReadLateDeliveriesAndOverdueInvoices() {
        // delivered 4 days after its promise, invoiced 40 days ago at 30 days: overdue
        Order late = place(today.minusDays(60), today.minusDays(50), "100");
        long v = orders.confirm(late.id(), late.version(), adv).version();
        v = orders.ship(late.id(), v, today.minusDays(55), adv).version();
        v = orders.deliver(late.id(), v, today.minusDays(46), "Carton abîmé", adv).version();
        orders.invoice(late.id(), v, today.minusDays(40), adv);
        Order waiting = place(today, today.plusDays(10), "50");

        OrderCard card = reads.card(company);
        assertThat(card.count()).isEqualTo(2);
        assertThat(card.last()).extracting(r -> r.id()).containsExactly(waiting.id(), late.id());
        assertThat(card.lateDeliveries()).isEqualTo(1);
        assertThat(card.overdueInvoices()).isEqualTo(1);
        assertThat(card.outstanding()).isEqualByComparingTo("180.00");
        assertThat(card.openAmount()).isEqualByComparingTo("270.00");
        assertThat(card.last().get(1).lateDays()).isEqualTo(4);
        assertThat(card.last().get(1).overdueDays()).isEqualTo(10);

        var desk = reads.desk();
        assertThat(desk.toConfirm()).extracting(r -> r.id()).contains(waiting.id());
        assertThat(desk.overdueInvoices()).extracting(r -> r.id()).contains(late.id());

        // the delivery made the line held, from the order
        assertThat(jdbc.sql("select source from customer_product_line where company_id = :c and product_line_id = :l")
                .param("c", company).param("l", line).query(String.class).single()).isEqualTo("ORDER");

        assertThat(feedback.card(company).risk().reasons()).extracting(RiskReason::code)
                .contains("LATE_DELIVERY", "OVERDUE_INVOICE");
    }
}
