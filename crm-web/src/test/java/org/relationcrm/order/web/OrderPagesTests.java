package org.relationcrm.order.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import org.relationcrm.WebTestSupport;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The order's pages over HTTP: the moves offered are the next ones only, an edit made on an old version keeps what
 * was typed and says why, a shipped order is no longer edited, a cancellation needs its reason and lands on the
 * timeline, a step dated tomorrow is refused next to its field.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrderPagesTests {

    @Autowired MockMvc mvc;
    /** The app's clock: its days are those of relation.time-zone, not the JVM's. */
    @Autowired java.time.Clock clock;
    @Autowired UserService users;
    @Autowired UserDetailsService userDetails;
    @Autowired ClientService clients;
    @Autowired OrderService orders;
    @Autowired ProductLineAdmin catalog;
    @Autowired JdbcClient jdbc;

    WebTestSupport support;
    User adv;
    Company company;
    long line;
    Order order;

    @BeforeEach
    void setUp() {
        support = new WebTestSupport(users, userDetails, clients);
        adv = support.newUser(Role.ADV);
        company = support.companyOwnedBy(support.newUser(Role.SALES));
        line = catalog.create(TestData.unique("P").substring(0, 8).toUpperCase(), "Formation", null,
                support.newUser(Role.ADMIN).asActor()).id();
        order = orders.place(company.id(), new OrderDetails(null, null, LocalDate.now(clock), "EUR", PaymentTerms.NET_30,
                LocalDate.now(clock).plusDays(7), List.of(new OrderDetails.Line(line, 3, new BigDecimal("250"), null))),
                adv.asActor());
    }

    @Test
    void theOrderPageOffersTheNextMoveOnlyAndCancellingWithItsReason() throws Exception {
        String page = page("/orders/" + order.id());
        assertThat(page).contains("id=\"do-CONFIRMED\"").doesNotContain("id=\"do-SHIPPED\"")
                .contains("id=\"do-cancel\"").contains("750");

        // no reason: the form says so, nothing changes
        MvcResult noReason = mvc.perform(post("/orders/" + order.id() + "/cancel").with(csrf()).with(support.as(adv))
                .param("version", String.valueOf(order.version())).param("note", "Le client a commandé deux fois"))
                .andReturn();
        assertThat(noReason.getResponse().getStatus()).isEqualTo(400);
        // what was typed is kept (é written as an entity inside the textarea)
        assertThat(noReason.getResponse().getContentAsString()).contains("is-invalid")
                .contains("Le client a command&eacute; deux fois");
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.RECEIVED);

        mvc.perform(post("/orders/" + order.id() + "/cancel").with(csrf()).with(support.as(adv))
                .param("version", String.valueOf(order.version())).param("reason", "DUPLICATE")
                .param("note", "Le client a commandé deux fois"));
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(jdbc.sql("select event_args->>'cancelReason' from interaction where event_type = 'ORDER_CANCELLED' and ref_id = :id")
                .param("id", order.id()).query(String.class).single()).isEqualTo("DUPLICATE");
        assertThat(page("/orders/" + order.id())).contains("Commande en double").doesNotContain("id=\"do-cancel\"");
    }

    @Test
    void anEditOnAnOldVersionKeepsWhatWasTypedAndAShippedOrderIsNoLongerEdited() throws Exception {
        long seen = order.version();
        orders.confirm(order.id(), seen, adv.asActor());
        MvcResult stale = mvc.perform(post("/orders/" + order.id()).with(csrf()).with(support.as(adv))
                .param("version", String.valueOf(seen)).param("orderedOn", LocalDate.now(clock).toString())
                .param("promisedOn", LocalDate.now(clock).plusDays(9).toString()).param("paymentTerms", "NET_60")
                .param("currency", "EUR").param("lines[0].productLineId", String.valueOf(line))
                .param("lines[0].quantity", "4").param("lines[0].unitPrice", "260")).andReturn();
        assertThat(stale.getResponse().getStatus()).isEqualTo(200);
        assertThat(stale.getResponse().getContentAsString()).contains("alert-danger")
                .contains("modifiée entre-temps").contains("value=\"260\"").contains("value=\"4\"");
        assertThat(orders.get(order.id()).total()).isEqualByComparingTo("750");

        Order confirmed = orders.get(order.id());
        orders.ship(order.id(), confirmed.version(), LocalDate.now(clock), adv.asActor());
        assertThat(mvc.perform(get("/orders/" + order.id() + "/edit").with(support.as(adv))).andReturn()
                .getResponse().getStatus()).isEqualTo(409);
    }

    @Test
    void aStepDatedTomorrowIsRefusedNextToItsDate() throws Exception {
        Order confirmed = orders.confirm(order.id(), order.version(), adv.asActor());
        MvcResult tomorrow = mvc.perform(post("/orders/" + order.id() + "/status").with(csrf()).with(support.as(adv))
                .param("version", String.valueOf(confirmed.version())).param("to", "SHIPPED")
                .param("on", LocalDate.now(clock).plusDays(1).toString())).andReturn();
        assertThat(tomorrow.getResponse().getStatus()).isEqualTo(400);
        assertThat(tomorrow.getResponse().getContentAsString()).contains("is-invalid")
                .contains("pas de date après aujourd&#39;hui");
        assertThat(orders.get(order.id()).status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(support.as(adv))).andReturn().getResponse().getContentAsString();
    }
}
