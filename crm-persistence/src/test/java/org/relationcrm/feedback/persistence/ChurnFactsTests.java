package org.relationcrm.feedback.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.feedback.ChurnRisk;
import org.relationcrm.feedback.FeedbackReadService;
import org.relationcrm.feedback.RiskReason;
import org.relationcrm.feedback.RiskSort;
import org.relationcrm.feedback.SilentClient;
import org.relationcrm.feedback.SilentSort;
import org.relationcrm.feedback.internal.FeedbackQueries;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.SortDirection;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

/**
 * The at-risk and silent-clients lists say the same thing about a client, and say it so that a manager can act:
 * silence runs from the last exchange or signature (from the creation for a client never contacted), nothing signed
 * for a year is said in months, not as "down 100 %", a client with no line on record is told so. Both lists sort by
 * each of their columns, both ways, page after page.
 */
@SpringBootTest
class ChurnFactsTests {

    /** The app's clock (relation.time-zone): "today" is the app's day, whatever the JVM's zone. */
    @Autowired
    java.time.Clock clock;

    private static final AtomicLong DEALS = new AtomicLong(Math.abs(System.nanoTime() % 1_000_000_000L) + 2_000_000_000L);

    @Autowired ClientService clients;
    @Autowired InteractionService interactions;
    @Autowired FeedbackReadService reads;
    @Autowired FeedbackQueries queries;
    @Autowired UserService users;
    @Autowired JdbcClient jdbc;

    User owner;
    String tag;

    @BeforeEach
    void setUp() {
        owner = TestData.user(users, Role.SALES, Department.SALES);
        tag = TestData.unique("Churn");
    }

    private long customer(String name, int createdDaysAgo) {
        Company company = clients.createCompany(new CompanyDetails(tag + " " + name, null, null, null, null, null,
                "Lyon", "France", null, null, CompanyStatus.CUSTOMER, owner.id(), null), owner.asActor());
        jdbc.sql("update company set created_at = now() - make_interval(days => :d) where id = :id")
                .param("d", createdDaysAgo).param("id", company.id()).update();
        return company.id();
    }

    private void exchange(long companyId, int daysAgo) {
        interactions.log(new LogInteraction(companyId, Set.of(), Channel.PHONE, Direction.OUTBOUND,
                TestData.calendarDaysAgo(clock, daysAgo), "Appel", null, null, null, null, null),
                owner.asActor());
    }


    private void signed(long companyId, int daysAgo, int amount) {
        jdbc.sql("""
                insert into won_deal (opportunity_id, company_id, owner_id, amount, won_on)
                values (:o, :c, :u, :amount, current_date - :d)
                """).param("o", DEALS.incrementAndGet()).param("c", companyId).param("u", owner.id())
                .param("amount", amount).param("d", daysAgo).update();
    }

    private List<RiskReason> reasons(long companyId) {
        return reads.card(companyId).risk().reasons();
    }

    private List<SilentClient> silent() {
        reads.refreshRisk();
        return reads.silent(owner.id()).rows();
    }

    @Test
    void aSignatureLastWeekEndsTheSilenceOnBothLists() {
        long signedLastWeek = customer("Signé", 900);
        exchange(signedLastWeek, 524);
        signed(signedLastWeek, 7, 12000);
        long quiet = customer("Muet", 900);
        exchange(quiet, 524);

        assertThat(reasons(signedLastWeek)).extracting(RiskReason::code).doesNotContain("SILENT", "NEVER");
        assertThat(reasons(quiet)).extracting(RiskReason::code, RiskReason::value).contains(tuple("SILENT", "524"));
        assertThat(silent()).extracting(SilentClient::companyId, SilentClient::silentDays, SilentClient::lastWonOn)
                .containsExactly(tuple(quiet, 524, null));
    }

    @Test
    void aNewClientIsNotSilentButOneNeverContactedSinceItsCreationIs() {
        long created = customer("Nouveau", 0);
        long forgotten = customer("Oublié", 200);

        assertThat(reasons(created)).extracting(RiskReason::code).doesNotContain("SILENT", "NEVER");
        assertThat(reasons(forgotten)).extracting(RiskReason::code, RiskReason::points, RiskReason::value)
                .contains(tuple("NEVER", 25, "200"));
        assertThat(silent()).singleElement().satisfies(row -> {
            assertThat(row.companyId()).isEqualTo(forgotten);
            assertThat(row.neverContacted()).isTrue();
            assertThat(row.silentDays()).isEqualTo(200);
        });
    }

    @Test
    void nothingSignedForAYearIsSaidInMonthsSinceTheLastSignatureNotAsADropOf100Percent() {
        long stopped = customer("Arrêt", 900);
        signed(stopped, 400, 30000);
        long slowed = customer("Ralenti", 900);
        signed(slowed, 100, 5000);
        signed(slowed, 500, 20000);

        assertThat(reasons(stopped)).extracting(RiskReason::code, RiskReason::value)
                .contains(tuple("NOTHING_SIGNED", String.valueOf(monthsSince(LocalDate.now(clock).minusDays(400)))));
        assertThat(reasons(stopped)).extracting(RiskReason::code).doesNotContain("WON_DROP");
        assertThat(reasons(slowed)).extracting(RiskReason::code, RiskReason::value).contains(tuple("WON_DROP", "75"));
    }

    private long monthsSince(LocalDate day) {
        return ChronoUnit.MONTHS.between(day, LocalDate.now(clock));
    }

    @Test
    void aClientWithNoLineOnRecordIsToldSoNotThatItAddedNoNewOne() {
        long none = customer("Rien", 30);
        long old = customer("Ancien", 30);
        long line = jdbc.sql("insert into product_line (code, name) values (:c, 'Ligne test') returning id")
                .param("c", tag.replace("-", "_")).query(Long.class).single();
        jdbc.sql("""
                insert into customer_product_line (company_id, product_line_id, source, since, added_by)
                values (:c, :l, 'MANUAL', current_date - 800, :u)""")
                .param("c", old).param("l", line).param("u", owner.id()).update();

        assertThat(reasons(none)).extracting(RiskReason::code, RiskReason::value).contains(tuple("NO_LINE", "0"));
        assertThat(reasons(none)).extracting(RiskReason::code).doesNotContain("NO_BREADTH");
        assertThat(reasons(old)).extracting(RiskReason::code, RiskReason::value).contains(tuple("NO_BREADTH", "1"));
    }

    /** Seven customers of one owner, every fact different, some missing; six of them silent. */
    private void sevenCustomers() {
        customer("f never", 300);
        long b = customer("b", 900);
        exchange(b, 200);
        long c = customer("c", 900);
        exchange(c, 500);
        signed(c, 100, 1000);
        long d = customer("d", 900);
        exchange(d, 90);
        signed(d, 400, 9000);
        long a = customer("a", 900);
        exchange(a, 70);
        customer("e", 900); // never contacted either, created earlier
        long g = customer("g", 900);
        exchange(g, 10); // not silent
        reads.refreshRisk();
    }

    @ParameterizedTest
    @EnumSource(RiskSort.class)
    void theAtRiskListSortsByEachColumnBothWaysPageAfterPage(RiskSort column) {
        sevenCustomers();
        for (SortDirection direction : SortDirection.values()) {
            ListSort<RiskSort> sort = ListSort.of(column, direction, RiskSort.byDefault());
            List<ChurnRisk> rows = allPages((after, size) -> queries.riskiest(owner.id(), sort, after, size), sort);
            Function<ChurnRisk, Comparable<?>> value = switch (column) {
                case SCORE -> ChurnRisk::score;
                case CLIENT, OWNER -> r -> r.companyName().toLowerCase(Locale.ROOT);
            };
            assertThat(rows).as("%s %s", column, direction).hasSize(7)
                    .isEqualTo(sorted(rows, value, ChurnRisk::companyId, direction == SortDirection.DESC));
        }
    }

    @ParameterizedTest
    @EnumSource(SilentSort.class)
    void theSilentListSortsByEachColumnBothWaysPageAfterPage(SilentSort column) {
        sevenCustomers();
        for (SortDirection direction : SortDirection.values()) {
            ListSort<SilentSort> sort = ListSort.of(column, direction, SilentSort.byDefault());
            List<SilentClient> rows = allPages((after, size) -> queries.silent(owner.id(), 60, sort, after, size), sort);
            Function<SilentClient, Comparable<?>> value = switch (column) {
                case SILENCE -> SilentClient::silentDays;
                case LAST_EXCHANGE -> SilentClient::lastExchangeAt;
                case LAST_SIGNATURE -> SilentClient::lastWonOn;
                case CLIENT, OWNER -> r -> r.companyName().toLowerCase(Locale.ROOT);
            };
            // "g", talked to 10 days ago, is not silent
            assertThat(rows).as("%s %s", column, direction).hasSize(6)
                    .isEqualTo(sorted(rows, value, SilentClient::companyId, direction == SortDirection.DESC));
        }
        // the longest silence first by default: e and f, never contacted, are silent since their creation
        assertThat(reads.silent(owner.id()).rows()).extracting(SilentClient::silentDays)
                .containsExactly(900, 300, 200, 100, 90, 70);
    }

    interface PageQuery<T> {
        Slice<T, SortCursor> page(SortCursor after, int size);
    }

    private static <T> List<T> allPages(PageQuery<T> query, ListSort<?> sort) {
        List<T> rows = new ArrayList<>();
        SortCursor after = null;
        int pages = 0;
        do {
            Slice<T, SortCursor> page = query.page(after, 2);
            rows.addAll(page.rows());
            after = page.next() == null ? null : SortCursor.decode(page.next().encode(), sort);
        } while (after != null && ++pages < 20);
        return rows;
    }

    /** By the value (rows without one last, whatever the direction), then by id in the same direction. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> List<T> sorted(List<T> rows, Function<T, Comparable<?>> value, Function<T, Long> id,
                                      boolean descending) {
        Comparator<T> byValue = (x, y) -> ((Comparable) value.apply(x)).compareTo(value.apply(y));
        Comparator<T> withValue = byValue.thenComparing(id::apply);
        Comparator<T> byId = Comparator.comparing(id::apply);
        if (descending) {
            withValue = withValue.reversed();
            byId = byId.reversed();
        }
        List<T> result = new ArrayList<>(rows.stream().filter(r -> value.apply(r) != null).sorted(withValue).toList());
        result.addAll(rows.stream().filter(r -> value.apply(r) == null).sorted(byId).toList());
        return result;
    }
}
