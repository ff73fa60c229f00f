package org.relationcrm.order.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The order figures of a client (its 360° card, its churn signals) are read from the covering index alone: with
 * thousands of orders, reading the table's pages instead made the largest clients' pages 40 times slower. The
 * planner is kept from other plans (sequential and bitmap scans) so that the small test data set answers the
 * question "can the index alone answer?" as the benchmark's large one does.
 */
@SpringBootTest
class OrderFiguresPlanTests {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate plain;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCardsFiguresAndTheChurnSignalsReadTheClientsOrdersFromTheIndexAlone() {
        plain.execute("vacuum analyze customer_order"); // the visibility map an index-only scan needs

        List<String> card = plan("explain " + SqlOrderQueries.CARD.replace(":id", "1")
                .replace(":today", "'" + LocalDate.of(2026, 12, 1) + "'"));
        List<String> churn = plan("explain select * from churn_signal where company_id = 1");

        assertThat(String.join("\n", card))
                .contains("Index Only Scan using customer_order_company_idx on customer_order");
        assertThat(String.join("\n", churn))
                .contains("Index Only Scan using customer_order_company_idx on customer_order");
    }

    private List<String> plan(String explain) {
        return transactions.execute(status -> {
            plain.execute("set local enable_seqscan = off");
            plain.execute("set local enable_bitmapscan = off");
            return plain.queryForList(explain, String.class);
        });
    }
}
