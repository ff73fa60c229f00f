package org.relationcrm.dataimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.relationcrm.dataimport.ImportRows.OrderRow;
import org.relationcrm.dataimport.ImportRows.ProductRef;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.shared.RuleViolation;

/** An orders file's rows, checked by the order aggregate's rules and grouped into orders by their reference. */
class OrderRowsTests {

    private static final List<String> HEADERS = List.of("N° commande", "Client", "Date commande", "Statut",
            "Conditions de paiement", "Produit", "Qté", "PU HT", "Remise", "Montant HT", "Livrée le", "Payée",
            "Saisie par");
    private static final List<ProductRef> CATALOGUE = List.of(new ProductRef(41, "MAINT", "Maintenance"),
            new ProductRef(42, "FORM", "Formation sur site"));

    private final ImportRows rows = new ImportRows(ImportKind.ORDERS,
            ColumnMapping.guess(ImportKind.ORDERS, HEADERS), HEADERS, List.of(CsvParsingTests.ME, CsvParsingTests.REP),
            CsvParsingTests.ME, CATALOGUE, ZoneId.of("Europe/Paris"), LocalDate.of(2026, 3, 1));

    @Test
    void theHeadersOfAnErpExportAreGuessed() {
        ColumnMapping guessed = ColumnMapping.guess(ImportKind.ORDERS, HEADERS);

        assertThat(guessed.columns()).containsAllEntriesOf(Map.of(ImportField.ORDER_REFERENCE, 0,
                ImportField.ORDER_COMPANY, 1, ImportField.ORDER_DATE, 2, ImportField.ORDER_STATUS, 3,
                ImportField.ORDER_PAYMENT_TERMS, 4, ImportField.ORDER_PRODUCT, 5, ImportField.ORDER_QUANTITY, 6,
                ImportField.ORDER_UNIT_PRICE, 7, ImportField.ORDER_DISCOUNT, 8, ImportField.ORDER_AMOUNT, 9));
        assertThat(guessed.column(ImportField.ORDER_DELIVERED_ON)).isEqualTo(10);
        assertThat(guessed.column(ImportField.ORDER_PAID)).isEqualTo(11);
        assertThat(guessed.column(ImportField.ORDER_AUTHOR)).isEqualTo(12);
        assertThatThrownBy(() -> new ColumnMapping(Map.of(ImportField.ORDER_REFERENCE, 0, ImportField.ORDER_COMPANY, 1,
                ImportField.ORDER_DATE, 2, ImportField.ORDER_PRODUCT, 3)).check(ImportKind.ORDERS, 4))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("import.mapping.priceOrAmount");
    }

    @Test
    void aLineReadsFrenchDatesAndDecimalCommasAndItsStatusIsReplayedToTheInvoicesDueDate() {
        ImportRows.Checked<?> checked = rows.check(2, List.of("A-1", "552100554", "15/01/2026", "", "45j fdm",
                "formation sur SITE", "3", "1 234,50", "10", "3 333,15", "20/01/2026", "oui", "jdupont"));

        assertThat(checked.errors()).isEmpty();
        OrderRow row = (OrderRow) checked.row();
        assertThat(row.productLineId()).isEqualTo(42);
        assertThat(row.quantity()).isEqualTo(3);
        assertThat(row.unitPrice()).isEqualByComparingTo("1234.50");
        assertThat(row.discountPercent()).isEqualByComparingTo("10");
        assertThat(row.status()).isEqualTo(OrderStatus.PAID);
        assertThat(row.paymentTerms()).isEqualTo(PaymentTerms.NET_45_END_OF_MONTH);
        assertThat(row.deliveredOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(row.invoicedOn()).isEqualTo(LocalDate.of(2026, 1, 20));
        assertThat(row.invoiceDueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(row.authorId()).isEqualTo(CsvParsingTests.REP.id());
    }

    @Test
    void eachWrongCellIsRefusedOnItsColumn() {
        assertThat(rows.check(3, List.of("A-2", "552100554", "15/01/2026", "Perdue", "30 jours", "Inconnu", "1,5",
                "abc", "", "", "", "", "")).errors())
                .extracting(RowError::line, RowError::column, RowError::code)
                .containsExactly(tuple(3L, "Statut", "import.error.choice"),
                        tuple(3L, "Produit", "import.error.productNotFound"),
                        tuple(3L, "Qté", "import.error.quantity"),
                        tuple(3L, "PU HT", "import.error.number"));
        assertThat(rows.check(4, List.of("A-3", "552100554", "15/01/2026", "Livrée", "", "MAINT", "2", "10", "", "",
                "10/01/2026", "", "")).errors())
                .extracting(RowError::column, RowError::code)
                .containsExactly(tuple("Livrée le", "order.date.beforePrevious"));
        assertThat(rows.check(5, List.of("A-4", "552100554", "15/01/2026", "Livrée", "", "MAINT", "2", "10", "", "",
                "02/03/2026", "", "")).errors())
                .extracting(RowError::column, RowError::code)
                .containsExactly(tuple("Livrée le", "order.date.future"));
        assertThat(rows.check(6, List.of("A-5", "552100554", "15/01/2026", "Annulée", "", "MAINT", "2", "10", "", "",
                "", "oui", "")).errors())
                .extracting(RowError::column, RowError::code)
                .containsExactly(tuple("Payée", "import.error.paidButStatus"));
    }

    @Test
    void rowsSharingAReferenceFormOneOrderAndARowThatDisagreesOrAnOrderTooLongIsRefused() {
        OrderRow first = line(2, "A-1", "552100554");
        OrderRow second = line(3, "A-1", "552100554");
        OrderRow otherClient = line(4, "A-1", "999999999");
        OrderRow alone = line(5, "A-2", "552100554");
        List<OrderRow> tooLong = new ArrayList<>(Collections.nCopies(Order.MAX_LINES + 1, line(6, "A-3", "1")));

        List<OrderRow> batch = new ArrayList<>(List.of(first, alone, second, otherClient));
        batch.addAll(tooLong);
        ImportRows.OrderBatch grouped = ImportRows.groupOrders(batch);

        assertThat(grouped.orders()).extracting(ImportRows.OrderImport::reference, o -> o.rows().size(),
                o -> o.total().toPlainString()).containsExactly(tuple("A-1", 2, "20.00"), tuple("A-2", 1, "10.00"));
        assertThat(grouped.refused()).extracting(RowError::line, RowError::code).startsWith(
                tuple(4L, "import.error.orderDiffers"), tuple(6L, "order.lines.tooMany"));
        assertThat(grouped.refused()).hasSize(1 + Order.MAX_LINES + 1);
    }

    private OrderRow line(long line, String reference, String client) {
        return (OrderRow) rows.check(line, List.of(reference, client, "15/01/2026", "", "", "MAINT", "1", "10,00",
                "", "", "", "", "")).row();
    }
}
