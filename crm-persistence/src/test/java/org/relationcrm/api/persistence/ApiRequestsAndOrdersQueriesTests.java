package org.relationcrm.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiPage;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.OrderResource;
import org.relationcrm.api.ApiResources.RequestResource;
import org.relationcrm.catalog.ProductLineAdmin;
import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.request.NewRequest;
import org.relationcrm.request.RequestKind;
import org.relationcrm.request.RequestService;
import org.relationcrm.request.RequestStatus;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.SqlStatementCounter;
import org.relationcrm.testing.TestData;

/**
 * The API's read model for requests and orders on a real PostgreSQL: one statement per page, whatever the filters
 * and however many lines an order has; requests narrowed by status, kind, department, company, requester and
 * {@code updatedSince} (V88's column, kept by the trigger at every step); the status and department lists walk
 * V88's indexes in id order rather than the whole table.
 */
@SpringBootTest
@Import(SqlStatementCounter.Config.class)
class ApiRequestsAndOrdersQueriesTests {

    @Autowired
    ApiQueries queries;
    @Autowired
    RequestService requests;
    @Autowired
    OrderService orders;
    @Autowired
    ProductLineAdmin productLines;
    @Autowired
    ClientService clients;
    @Autowired
    UserService users;
    @Autowired
    SqlStatementCounter counter;
    @Autowired
    JdbcTemplate plain;
    @Autowired
    TransactionTemplate transactions;

    Actor sales;
    Actor support;
    Company company;

    @BeforeEach
    void setUp() {
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
        support = TestData.user(users, Role.SUPPORT, Department.SUPPORT).asActor();
        company = clients.createCompany(TestData.company(TestData.unique("Api"), sales.userId()), sales);
    }

    @Test
    void requestsArePagedByKeysetInOneStatementEachAndNarrowedByEveryFilter() throws InterruptedException {
        long first = send(Department.SUPPORT, RequestKind.TECHNICAL_HELP);
        long second = send(Department.SUPPORT, RequestKind.QUESTION);
        long third = send(Department.ADV, RequestKind.CREDIT_NOTE);
        long fourth = send(Department.SUPPORT, RequestKind.TECHNICAL_HELP);

        counter.reset();
        ApiPage<RequestResource> page = queries.requests(new ApiFilter(null, null, company.id(), null), 0, 2);
        assertThat(counter.count()).as("one statement for the page").isEqualTo(1);
        assertThat(page.items()).extracting(RequestResource::id).containsExactly(first, second);
        assertThat(page.nextAfter()).isEqualTo(second);
        assertThat(queries.requests(new ApiFilter(null, null, company.id(), null), second, 2).items())
                .extracting(RequestResource::id).containsExactly(third, fourth);

        assertThat(ids(filter(null, "TECHNICAL_HELP", "SUPPORT"))).containsExactly(first, fourth);
        assertThat(ids(filter(null, null, "ADV"))).containsExactly(third);
        assertThat(ids(filter(null, "CREDIT_NOTE", "SUPPORT"))).isEmpty();
        assertThat(ids(new ApiFilter(sales.userId(), null, company.id(), null))).hasSize(4);
        assertThat(ids(new ApiFilter(support.userId(), null, company.id(), null))).isEmpty();

        Thread.sleep(20); // the requests above were written strictly before
        Instant before = Instant.now();
        requests.accept(fourth, 0, support);
        assertThat(ids(filter("ACCEPTED", null, null))).containsExactly(fourth);
        assertThat(ids(filter("NEW", null, "SUPPORT"))).containsExactly(first, second);
        assertThat(ids(new ApiFilter(null, null, company.id(), before))).as("changed since").containsExactly(fourth);
        RequestResource accepted = queries.request(fourth).orElseThrow();
        assertThat(accepted.version()).isEqualTo(1);
        assertThat(accepted.status()).isEqualTo(RequestStatus.ACCEPTED);
        assertThat(accepted.handlerId()).isEqualTo(support.userId());
        assertThat(accepted.updatedAt()).isAfter(accepted.createdAt());
        assertThat(queries.request(Long.MAX_VALUE)).isEmpty();
    }

    @Test
    void anOrderIsReadWithItsLinesInTheirOrderByTheSameOneStatement() {
        Actor admin = TestData.user(users, Role.ADMIN, Department.MANAGEMENT).asActor();
        long a = productLines.create(TestData.unique("A").substring(0, 8).toUpperCase(), "A", null, admin).id();
        long b = productLines.create(TestData.unique("B").substring(0, 8).toUpperCase(), "B", null, admin).id();
        LocalDate today = LocalDate.now();
        long id = orders.place(company.id(), new OrderDetails(null, null, today, "EUR", PaymentTerms.NET_30, today,
                List.of(new OrderDetails.Line(b, 2, new BigDecimal("10.50"), null),
                        new OrderDetails.Line(a, 1, new BigDecimal("99"), new BigDecimal("5")))), admin).id();

        counter.reset();
        List<OrderResource> page = queries.orders(new ApiFilter(null, null, company.id(), null), 0, 10).items();
        assertThat(counter.count()).isEqualTo(1);
        assertThat(page).singleElement().satisfies(o -> {
            assertThat(o.id()).isEqualTo(id);
            assertThat(o.lines()).extracting(l -> l.productLineId()).containsExactly(b, a);
            assertThat(o.lines().get(0).quantity()).isEqualTo(2);
            assertThat(o.lines().get(0).unitPrice()).isEqualByComparingTo("10.50");
            assertThat(o.lines().get(0).discountPercent()).isEqualByComparingTo("0");
            assertThat(o.lines().get(1).discountPercent()).isEqualByComparingTo("5");
        });
    }

    @Test
    void requestsByStatusOrByDepartmentWalkTheirIndexInIdOrder() {
        plain.execute("analyze request");
        // the API's statement (SqlApiQueries.page), for a status and a department few requests have
        String select = "explain select id from request t where true and t.id > 0 and t.%s order by t.id limit 51";
        assertThat(plan(select.formatted("status = 'DECLINED'"))).contains("request_status_id_idx");
        assertThat(plan(select.formatted("to_department = 'MARKETING'"))).contains("request_department_id_idx");
    }

    private long send(Department to, RequestKind kind) {
        return requests.send(new NewRequest(company.id(), null, null, to, null, kind, "Besoin " + kind, null), sales)
                .id();
    }

    private ApiFilter filter(String status, String kind, String department) {
        return new ApiFilter(null, status, company.id(), null, kind, department);
    }

    private List<Long> ids(ApiFilter filter) {
        return queries.requests(filter, 0, 50).items().stream().map(RequestResource::id).toList();
    }

    private String plan(String explain) {
        List<String> lines = transactions.execute(status -> {
            plain.execute("set local enable_seqscan = off");
            plain.execute("set local enable_bitmapscan = off");
            return plain.queryForList(explain, String.class);
        });
        return String.join("\n", lines);
    }
}
