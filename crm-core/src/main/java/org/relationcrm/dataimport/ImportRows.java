package org.relationcrm.dataimport;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.relationcrm.client.Civility;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.order.CancelReason;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Text;

/**
 * Turns the cells of a row into what is written, or into the reasons it is refused. The rules are the aggregates'
 * own: a company's row builds a {@link Company} (name required, lengths, SIREN or SIRET), a person's a
 * {@link Contact} (email, language), an interaction's checks {@link Interaction}'s limits; a rule broken on a field
 * is reported on the column mapped to it. References to other records (a company by SIREN or external id, a person
 * by email) are resolved by the store when the batch is written.
 */
public final class ImportRows {

    /** A user a cell may name, by username or email (compared in lower case). */
    public record UserRef(long id, String username, String email, Department department) {
    }

    /** The row's original cells, its line, and either the row to write or why it is refused. */
    public record Checked<T>(long line, List<String> cells, T row, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public record CompanyRow(long line, String externalId, String name, String legalId, String sector,
                             CompanySize size, String street, String postalCode, String city, String country,
                             String website, String phone, CompanyStatus status, Long ownerId, String notes) {
        /** The keys that find it again: its external id, its SIREN. */
        public List<String> keys() {
            List<String> keys = new ArrayList<>(2);
            if (externalId != null) {
                keys.add("x:" + externalId);
            }
            if (legalId != null) {
                keys.add("s:" + legalId.substring(0, 9));
            }
            return keys;
        }
    }

    public record PersonRow(long line, String externalId, String companyRef, Civility civility, String firstName,
                            String lastName, String jobTitle, String email, String phone, String mobile, String city,
                            String language) {
        public List<String> keys() {
            List<String> keys = new ArrayList<>(2);
            if (externalId != null) {
                keys.add("x:" + externalId);
            }
            if (email != null) {
                keys.add("e:" + email);
            }
            return keys;
        }
    }

    public record InteractionRow(long line, Instant occurredAt, long authorId, Department authorDepartment,
                                 Channel channel, Direction direction, String companyRef, String personEmail,
                                 String subject, String summary) {
    }

    /**
     * A row of an orders file: one line of an order (product line, quantity, unit price, discount) and the order's
     * own values (client, dates, terms, status…), repeated on each row of the order. The rows sharing a
     * {@code reference} (the order's number in the old ERP, kept as its external id) form one order, in the file's
     * order; the order's values are those of its first row. The statuses and dates are those the aggregate reached
     * when its steps were replayed ({@link Order#confirm()}, {@link Order#ship}…), the invoice's due date included.
     */
    public record OrderRow(long line, String reference, String companyRef, long authorId, LocalDate orderedOn,
                           LocalDate promisedOn, String currency, PaymentTerms paymentTerms, OrderStatus status,
                           LocalDate shippedOn, LocalDate deliveredOn, LocalDate invoicedOn, LocalDate invoiceDueOn,
                           LocalDate paidOn, CancelReason cancelReason, long productLineId, int quantity,
                           BigDecimal unitPrice, BigDecimal discountPercent) {

        /** The line as the aggregate takes it. */
        public OrderDetails.Line orderLine() {
            return new OrderDetails.Line(productLineId, quantity, unitPrice, discountPercent);
        }

        /** Whether another row of the same order says the same of the order itself (client, dates, terms, status). */
        boolean sameOrderAs(OrderRow first) {
            return java.util.Objects.equals(companyRef, first.companyRef) && orderedOn.equals(first.orderedOn)
                    && promisedOn.equals(first.promisedOn) && currency.equals(first.currency)
                    && paymentTerms == first.paymentTerms && status == first.status;
        }
    }

    /** A product line of the catalogue a cell may name, by its code or its name (retired ones included: history). */
    public record ProductRef(long id, String code, String name) {
    }

    public static final int MAX_EXTERNAL_ID = 100;

    private static final Map<String, CompanyStatus> STATUS_WORDS = Map.of(
            "prospect", CompanyStatus.PROSPECT, "client", CompanyStatus.CUSTOMER, "customer", CompanyStatus.CUSTOMER,
            "ancien client", CompanyStatus.FORMER_CUSTOMER, "former customer", CompanyStatus.FORMER_CUSTOMER,
            "ex client", CompanyStatus.FORMER_CUSTOMER, "perdu", CompanyStatus.FORMER_CUSTOMER,
            "actif", CompanyStatus.CUSTOMER, "active", CompanyStatus.CUSTOMER);
    private static final Map<String, CompanySize> SIZE_WORDS = Map.ofEntries(
            Map.entry("tpe", CompanySize.MICRO), Map.entry("micro", CompanySize.MICRO),
            Map.entry("micro entreprise", CompanySize.MICRO), Map.entry("pme", CompanySize.SMALL),
            Map.entry("petite", CompanySize.SMALL), Map.entry("small", CompanySize.SMALL),
            Map.entry("eti", CompanySize.MEDIUM), Map.entry("moyenne", CompanySize.MEDIUM),
            Map.entry("medium", CompanySize.MEDIUM), Map.entry("ge", CompanySize.LARGE),
            Map.entry("grande", CompanySize.LARGE), Map.entry("grande entreprise", CompanySize.LARGE),
            Map.entry("large", CompanySize.LARGE));
    private static final Map<String, Civility> CIVILITY_WORDS = Map.of(
            "m", Civility.MR, "mr", Civility.MR, "monsieur", Civility.MR, "mme", Civility.MRS,
            "madame", Civility.MRS, "mrs", Civility.MRS, "ms", Civility.MRS, "mlle", Civility.MRS,
            "miss", Civility.MRS);
    private static final Map<String, Channel> CHANNEL_WORDS = Map.ofEntries(
            Map.entry("telephone", Channel.PHONE), Map.entry("tel", Channel.PHONE), Map.entry("appel", Channel.PHONE),
            Map.entry("call", Channel.PHONE), Map.entry("phone", Channel.PHONE), Map.entry("e mail", Channel.EMAIL),
            Map.entry("mail", Channel.EMAIL), Map.entry("courriel", Channel.EMAIL), Map.entry("email", Channel.EMAIL),
            Map.entry("reunion", Channel.MEETING), Map.entry("rendez vous", Channel.MEETING),
            Map.entry("rdv", Channel.MEETING), Map.entry("meeting", Channel.MEETING), Map.entry("visite", Channel.VISIT),
            Map.entry("visit", Channel.VISIT), Map.entry("chat", Channel.CHAT), Map.entry("courrier", Channel.LETTER),
            Map.entry("lettre", Channel.LETTER), Map.entry("letter", Channel.LETTER),
            Map.entry("reseaux sociaux", Channel.SOCIAL), Map.entry("reseau social", Channel.SOCIAL),
            Map.entry("social", Channel.SOCIAL), Map.entry("sms", Channel.SMS), Map.entry("texto", Channel.SMS));
    private static final Map<String, Direction> DIRECTION_WORDS = Map.of(
            "entrant", Direction.INBOUND, "recu", Direction.INBOUND, "inbound", Direction.INBOUND, "in", Direction.INBOUND,
            "sortant", Direction.OUTBOUND, "emis", Direction.OUTBOUND, "outbound", Direction.OUTBOUND,
            "out", Direction.OUTBOUND);

    private static final Map<String, OrderStatus> ORDER_STATUS_WORDS = Map.ofEntries(
            Map.entry("recue", OrderStatus.RECEIVED), Map.entry("recu", OrderStatus.RECEIVED),
            Map.entry("en attente", OrderStatus.RECEIVED), Map.entry("nouvelle", OrderStatus.RECEIVED),
            Map.entry("confirmee", OrderStatus.CONFIRMED), Map.entry("validee", OrderStatus.CONFIRMED),
            Map.entry("acceptee", OrderStatus.CONFIRMED), Map.entry("expediee", OrderStatus.SHIPPED),
            Map.entry("envoyee", OrderStatus.SHIPPED), Map.entry("livree", OrderStatus.DELIVERED),
            Map.entry("facturee", OrderStatus.INVOICED), Map.entry("payee", OrderStatus.PAID),
            Map.entry("reglee", OrderStatus.PAID), Map.entry("soldee", OrderStatus.PAID),
            Map.entry("annulee", OrderStatus.CANCELLED), Map.entry("canceled", OrderStatus.CANCELLED));
    private static final Map<String, PaymentTerms> TERMS_WORDS = Map.ofEntries(
            Map.entry("comptant", PaymentTerms.ON_RECEIPT), Map.entry("a reception", PaymentTerms.ON_RECEIPT),
            Map.entry("reception", PaymentTerms.ON_RECEIPT), Map.entry("a reception de facture", PaymentTerms.ON_RECEIPT),
            Map.entry("on receipt", PaymentTerms.ON_RECEIPT), Map.entry("30 jours", PaymentTerms.NET_30),
            Map.entry("30 j", PaymentTerms.NET_30), Map.entry("30j", PaymentTerms.NET_30),
            Map.entry("30 jours net", PaymentTerms.NET_30), Map.entry("net 30", PaymentTerms.NET_30),
            Map.entry("45 jours fin de mois", PaymentTerms.NET_45_END_OF_MONTH),
            Map.entry("45 j fin de mois", PaymentTerms.NET_45_END_OF_MONTH),
            Map.entry("45j fdm", PaymentTerms.NET_45_END_OF_MONTH), Map.entry("45 fdm", PaymentTerms.NET_45_END_OF_MONTH),
            Map.entry("45 j fdm", PaymentTerms.NET_45_END_OF_MONTH),
            Map.entry("net 45 end of month", PaymentTerms.NET_45_END_OF_MONTH),
            Map.entry("60 jours", PaymentTerms.NET_60), Map.entry("60 j", PaymentTerms.NET_60),
            Map.entry("60j", PaymentTerms.NET_60), Map.entry("60 jours net", PaymentTerms.NET_60),
            Map.entry("net 60", PaymentTerms.NET_60));
    private static final Map<String, CancelReason> CANCEL_WORDS = Map.ofEntries(
            Map.entry("demande du client", CancelReason.CLIENT_REQUEST), Map.entry("client", CancelReason.CLIENT_REQUEST),
            Map.entry("rupture", CancelReason.OUT_OF_STOCK), Map.entry("rupture de stock", CancelReason.OUT_OF_STOCK),
            Map.entry("prix", CancelReason.PRICE_DISAGREEMENT), Map.entry("desaccord sur le prix", CancelReason.PRICE_DISAGREEMENT),
            Map.entry("paiement", CancelReason.PAYMENT_ISSUE), Map.entry("impaye", CancelReason.PAYMENT_ISSUE),
            Map.entry("doublon", CancelReason.DUPLICATE), Map.entry("autre", CancelReason.OTHER));
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("oui", true), Map.entry("o", true), Map.entry("yes", true), Map.entry("y", true),
            Map.entry("true", true), Map.entry("vrai", true), Map.entry("1", true), Map.entry("x", true),
            Map.entry("non", false), Map.entry("n", false), Map.entry("no", false), Map.entry("false", false),
            Map.entry("faux", false), Map.entry("0", false));

    private final ImportKind kind;
    private final ColumnMapping mapping;
    private final List<String> headers;
    private final Map<String, UserRef> users;
    private final UserRef importer;
    private final ZoneId zone;
    private final Map<String, ProductRef> products = new HashMap<>();
    private final LocalDate today;

    public ImportRows(ImportKind kind, ColumnMapping mapping, List<String> headers, List<UserRef> users,
                      UserRef importer, ZoneId zone) {
        this(kind, mapping, headers, users, importer, List.of(), zone, LocalDate.now(zone));
    }

    /**
     * @param products the catalogue's product lines an orders file may name (by code, else by name, compared
     *                 without accents or case)
     * @param today    the dates of an order's steps (shipped, delivered, invoiced, paid) are not after it
     */
    public ImportRows(ImportKind kind, ColumnMapping mapping, List<String> headers, List<UserRef> users,
                      UserRef importer, List<ProductRef> products, ZoneId zone, LocalDate today) {
        for (ProductRef product : products) {
            this.products.putIfAbsent("n:" + ImportField.normalize(product.name()), product);
        }
        for (ProductRef product : products) {
            this.products.put("c:" + product.code().toUpperCase(Locale.ROOT), product);
        }
        this.today = today;
        this.kind = kind;
        this.mapping = mapping;
        this.headers = headers;
        this.users = new HashMap<>();
        for (UserRef user : users) {
            this.users.put(user.username().toLowerCase(Locale.ROOT), user);
            if (user.email() != null) {
                this.users.put(user.email().toLowerCase(Locale.ROOT), user);
            }
        }
        this.importer = importer;
        this.zone = zone;
    }

    /** The row of the file at {@code line} (the header being line 1), its cells as read. */
    public Checked<?> check(long line, List<String> cells) {
        Cells row = new Cells(line, cells);
        Object checked = switch (kind) {
            case COMPANIES -> company(row);
            case PEOPLE -> person(row);
            case INTERACTIONS -> interaction(row);
            case ORDERS -> order(row);
        };
        return new Checked<>(line, cells, row.errors.isEmpty() ? checked : null, List.copyOf(row.errors));
    }

    private CompanyRow company(Cells row) {
        String externalId = row.text(ImportField.COMPANY_EXTERNAL_ID, MAX_EXTERNAL_ID);
        CompanyStatus status = row.choice(ImportField.COMPANY_STATUS, CompanyStatus.class, STATUS_WORDS);
        CompanySize size = row.choice(ImportField.COMPANY_SIZE, CompanySize.class, SIZE_WORDS);
        UserRef owner = row.user(ImportField.COMPANY_OWNER);
        CompanyDetails asked = new CompanyDetails(row.raw(ImportField.COMPANY_NAME),
                row.raw(ImportField.COMPANY_LEGAL_ID), row.raw(ImportField.COMPANY_SECTOR), size,
                row.raw(ImportField.COMPANY_STREET), row.raw(ImportField.COMPANY_POSTAL_CODE),
                row.raw(ImportField.COMPANY_CITY), row.raw(ImportField.COMPANY_COUNTRY),
                row.raw(ImportField.COMPANY_WEBSITE), row.raw(ImportField.COMPANY_PHONE),
                status == null ? CompanyStatus.PROSPECT : status, owner == null ? importer.id() : owner.id(),
                row.raw(ImportField.COMPANY_NOTES));
        CompanyDetails d;
        try {
            d = new Company(asked, Instant.EPOCH).details();
        } catch (RuleViolation broken) {
            row.refused(broken);
            return null;
        }
        return new CompanyRow(row.line, externalId, d.name(), d.legalId(), d.sector(), d.size(), d.street(),
                d.postalCode(), d.city(), d.country(), d.website(), d.phone(), status,
                owner == null ? null : owner.id(), d.notes());
    }

    private PersonRow person(Cells row) {
        String externalId = row.text(ImportField.PERSON_EXTERNAL_ID, MAX_EXTERNAL_ID);
        String companyRef = row.text(ImportField.PERSON_COMPANY, MAX_EXTERNAL_ID);
        Civility civility = row.choice(ImportField.PERSON_CIVILITY, Civility.class, CIVILITY_WORDS);
        String language = row.raw(ImportField.PERSON_LANGUAGE);
        ContactDetails asked = new ContactDetails(civility, row.raw(ImportField.PERSON_FIRST_NAME),
                row.raw(ImportField.PERSON_LAST_NAME), null, row.raw(ImportField.PERSON_JOB_TITLE),
                row.raw(ImportField.PERSON_EMAIL), row.raw(ImportField.PERSON_PHONE),
                row.raw(ImportField.PERSON_MOBILE), row.raw(ImportField.PERSON_CITY), null,
                language == null ? null : language.strip().toLowerCase(Locale.ROOT), null, null, null, null);
        ContactDetails d;
        try {
            d = Contact.privateCustomer(asked, Instant.EPOCH).details();
        } catch (RuleViolation broken) {
            row.refused(broken);
            return null;
        }
        return new PersonRow(row.line, externalId, companyRef, civility, d.firstName(), d.lastName(), d.jobTitle(),
                d.email(), d.phone(), d.mobile(), d.city(), d.language());
    }

    private InteractionRow interaction(Cells row) {
        Instant occurredAt = null;
        String when = row.raw(ImportField.INTERACTION_DATE);
        if (when == null || when.isBlank()) {
            row.error(ImportField.INTERACTION_DATE, RuleViolation.REQUIRED);
        } else {
            LocalDateTime local = CsvValues.dateTime(when).orElse(null);
            if (local == null) {
                row.error(ImportField.INTERACTION_DATE, "import.error.date", when.strip());
            } else {
                occurredAt = local.atZone(zone).toInstant();
            }
        }
        UserRef author = row.user(ImportField.INTERACTION_AUTHOR);
        Channel channel = row.choice(ImportField.INTERACTION_CHANNEL, Channel.class, CHANNEL_WORDS);
        if (channel == null && !row.has(ImportField.INTERACTION_CHANNEL)) {
            row.error(ImportField.INTERACTION_CHANNEL, RuleViolation.REQUIRED);
        }
        Direction direction = row.choice(ImportField.INTERACTION_DIRECTION, Direction.class, DIRECTION_WORDS);
        String companyRef = row.text(ImportField.INTERACTION_COMPANY, MAX_EXTERNAL_ID);
        String person = row.text(ImportField.INTERACTION_PERSON, Contact.MAX_EMAIL);
        if (companyRef == null && person == null && row.errors.isEmpty()) {
            row.error(mapping.has(ImportField.INTERACTION_COMPANY) ? ImportField.INTERACTION_COMPANY
                    : ImportField.INTERACTION_PERSON, "import.error.noClient");
        }
        String subject = row.field(ImportField.INTERACTION_SUBJECT,
                () -> Text.required(row.raw(ImportField.INTERACTION_SUBJECT), Interaction.MAX_SUBJECT, "subject"));
        String summary = row.field(ImportField.INTERACTION_SUMMARY,
                () -> Text.optional(row.raw(ImportField.INTERACTION_SUMMARY), Interaction.MAX_SUMMARY, "summary"));
        if (!row.errors.isEmpty()) {
            return null;
        }
        UserRef by = author == null ? importer : author;
        return new InteractionRow(row.line, occurredAt, by.id(), by.department(), channel,
                direction == null ? Direction.OUTBOUND : direction, companyRef,
                person == null ? null : person.toLowerCase(Locale.ROOT), subject, summary);
    }

    private OrderRow order(Cells row) {
        String reference = row.text(ImportField.ORDER_REFERENCE, MAX_EXTERNAL_ID);
        if (reference == null && !row.has(ImportField.ORDER_REFERENCE)) {
            row.error(ImportField.ORDER_REFERENCE, RuleViolation.REQUIRED);
        }
        String companyRef = row.text(ImportField.ORDER_COMPANY, MAX_EXTERNAL_ID);
        if (companyRef == null && !row.has(ImportField.ORDER_COMPANY)) {
            row.error(ImportField.ORDER_COMPANY, RuleViolation.REQUIRED);
        }
        LocalDate orderedOn = row.date(ImportField.ORDER_DATE);
        if (orderedOn == null && !row.has(ImportField.ORDER_DATE)) {
            row.error(ImportField.ORDER_DATE, RuleViolation.REQUIRED);
        }
        LocalDate promisedOn = row.date(ImportField.ORDER_PROMISED_ON);
        OrderStatus status = row.choice(ImportField.ORDER_STATUS, OrderStatus.class, ORDER_STATUS_WORDS);
        PaymentTerms terms = row.choice(ImportField.ORDER_PAYMENT_TERMS, PaymentTerms.class, TERMS_WORDS);
        String currency = row.raw(ImportField.ORDER_CURRENCY);
        currency = currency == null ? null : currency.strip().replace("€", "EUR").toUpperCase(Locale.ROOT);
        ProductRef product = row.product(ImportField.ORDER_PRODUCT);
        if (product == null && !row.has(ImportField.ORDER_PRODUCT)) {
            row.error(ImportField.ORDER_PRODUCT, RuleViolation.REQUIRED);
        }
        BigDecimal quantity = row.decimal(ImportField.ORDER_QUANTITY);
        if (quantity != null && (quantity.stripTrailingZeros().scale() > 0 || quantity.signum() <= 0
                || quantity.compareTo(BigDecimal.valueOf(Order.MAX_QUANTITY)) > 0)) {
            row.error(ImportField.ORDER_QUANTITY, "import.error.quantity", Order.MAX_QUANTITY);
            quantity = null;
        }
        int qty = quantity == null ? 1 : quantity.intValueExact();
        BigDecimal discount = row.decimal(ImportField.ORDER_DISCOUNT);
        if (discount != null && (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0)) {
            row.error(ImportField.ORDER_DISCOUNT, "order.lines.discount");
        }
        BigDecimal unitPrice = row.decimal(ImportField.ORDER_UNIT_PRICE);
        BigDecimal amount = row.decimal(ImportField.ORDER_AMOUNT);
        if (unitPrice != null && (unitPrice.signum() < 0 || unitPrice.compareTo(Order.MAX_UNIT_PRICE) > 0)) {
            row.error(ImportField.ORDER_UNIT_PRICE, "import.error.unitPrice");
        }
        if (amount != null && amount.signum() < 0) {
            row.error(ImportField.ORDER_AMOUNT, "import.error.unitPrice");
        }
        if (unitPrice == null && amount == null && !row.has(ImportField.ORDER_UNIT_PRICE)
                && !row.has(ImportField.ORDER_AMOUNT)) {
            row.error(mapping.has(ImportField.ORDER_UNIT_PRICE) ? ImportField.ORDER_UNIT_PRICE
                    : ImportField.ORDER_AMOUNT, "import.error.noPrice");
        }
        Boolean paid = row.choice(ImportField.ORDER_PAID, YES_NO);
        CancelReason cancelReason = row.choice(ImportField.ORDER_CANCEL_REASON, CancelReason.class, CANCEL_WORDS);
        LocalDate shippedOn = row.date(ImportField.ORDER_SHIPPED_ON);
        LocalDate deliveredOn = row.date(ImportField.ORDER_DELIVERED_ON);
        LocalDate invoicedOn = row.date(ImportField.ORDER_INVOICED_ON);
        LocalDate paidOn = row.date(ImportField.ORDER_PAID_ON);
        UserRef author = row.user(ImportField.ORDER_AUTHOR);
        if (!row.errors.isEmpty()) {
            return null;
        }
        BigDecimal pct = discount == null ? BigDecimal.ZERO : discount;
        BigDecimal kept = BigDecimal.valueOf(100).subtract(pct);
        if (unitPrice == null) {
            // only the line's amount: the unit price before the discount that gives it
            unitPrice = kept.signum() == 0 ? BigDecimal.ZERO
                    : amount.multiply(BigDecimal.valueOf(100)).divide(kept.multiply(BigDecimal.valueOf(qty)), 2,
                    RoundingMode.HALF_UP);
        }
        // the status the file says, else the furthest step it dates, else received
        if (Boolean.TRUE.equals(paid) && status != null && status != OrderStatus.PAID) {
            row.error(ImportField.ORDER_PAID, "import.error.paidButStatus");
            return null;
        }
        if (status == null) {
            status = Boolean.TRUE.equals(paid) || paidOn != null ? OrderStatus.PAID
                    : invoicedOn != null ? OrderStatus.INVOICED : deliveredOn != null ? OrderStatus.DELIVERED
                    : shippedOn != null ? OrderStatus.SHIPPED : cancelReason != null ? OrderStatus.CANCELLED
                    : OrderStatus.RECEIVED;
        }
        Order order;
        try {
            order = Order.place(0, 0, new OrderDetails(null, null, orderedOn, currency,
                    terms == null ? PaymentTerms.NET_30 : terms, promisedOn == null ? orderedOn : promisedOn,
                    List.of(new OrderDetails.Line(product.id(), qty, unitPrice, pct))), importer.id(), Instant.EPOCH);
        } catch (RuleViolation broken) {
            row.refused(broken);
            return null;
        }
        if (amount != null && order.lines().getFirst().total().subtract(amount).abs().compareTo(CENT) > 0) {
            row.error(ImportField.ORDER_AMOUNT, "import.error.amount", order.lines().getFirst().total());
            return null;
        }
        if (!replay(row, order, status, shippedOn, deliveredOn, invoicedOn, paidOn, cancelReason)) {
            return null;
        }
        UserRef by = author == null ? importer : author;
        OrderDetails.Line line = order.details().lines().getFirst();
        return new OrderRow(row.line, reference, companyRef, by.id(), order.orderedOn(), order.promisedOn(),
                order.currency(), order.paymentTerms(), order.status(), order.shippedOn(), order.deliveredOn(),
                order.invoicedOn(), order.invoiceDueOn(), order.paidOn(), order.cancelReason(), product.id(), qty,
                line.unitPrice(), line.discountPercent());
    }

    private static final BigDecimal CENT = new BigDecimal("0.01");

    /** An order of the file: its rows (one per line, the first giving the order's values), and its total. */
    public record OrderImport(List<OrderRow> rows, BigDecimal total) {
        public OrderImport {
            rows = List.copyOf(rows);
        }

        public OrderRow first() {
            return rows.getFirst();
        }

        public String reference() {
            return first().reference();
        }
    }

    /** The orders of a batch, and the rows refused as a whole order or as a row that disagrees with its order. */
    public record OrderBatch(List<OrderImport> orders, List<RowError> refused) {
    }

    /**
     * Groups a batch's rows into orders by reference, in the order of their first rows. A row that says something
     * else than the order's first row of the order itself (another client, date, status…) is refused; an order of
     * more lines than {@link Order#MAX_LINES}, or of a total beyond {@link Order#MAX_TOTAL}, is refused whole, as the
     * aggregate refuses it.
     */
    public static OrderBatch groupOrders(List<OrderRow> rows) {
        Map<String, List<OrderRow>> byReference = new java.util.LinkedHashMap<>();
        List<RowError> refused = new ArrayList<>();
        for (OrderRow row : rows) {
            List<OrderRow> order = byReference.computeIfAbsent(row.reference(), r -> new ArrayList<>());
            if (!order.isEmpty() && !row.sameOrderAs(order.getFirst())) {
                refused.add(new RowError(row.line(), null, "import.error.orderDiffers",
                        List.of(order.getFirst().line())));
            } else {
                order.add(row);
            }
        }
        List<OrderImport> orders = new ArrayList<>();
        for (List<OrderRow> order : byReference.values()) {
            OrderRow first = order.getFirst();
            try {
                Order placed = Order.place(0, 0, new OrderDetails(null, null, first.orderedOn(), first.currency(),
                        first.paymentTerms(), first.promisedOn(), order.stream().map(OrderRow::orderLine).toList()),
                        first.authorId(), Instant.EPOCH);
                orders.add(new OrderImport(order, placed.total()));
            } catch (RuleViolation broken) {
                RuleViolation.Broken why = broken.broken().getFirst();
                order.forEach(r -> refused.add(new RowError(r.line(), null, why.code(), why.args())));
            }
        }
        return new OrderBatch(orders, refused);
    }

    /**
     * The order's steps up to {@code status}, as the order desk would have recorded them: each on its date, or on
     * the date of the step before when the file gives none; a date before the step it follows, or after today, is
     * refused on its column.
     */
    private boolean replay(Cells row, Order order, OrderStatus status, LocalDate shippedOn, LocalDate deliveredOn,
                           LocalDate invoicedOn, LocalDate paidOn, CancelReason cancelReason) {
        if (status == OrderStatus.CANCELLED) {
            order.cancel(cancelReason == null ? CancelReason.OTHER : cancelReason, null);
            return true;
        }
        int reached = status.ordinal();
        LocalDate last = order.orderedOn();
        ImportField[] fields = {null, null, ImportField.ORDER_SHIPPED_ON, ImportField.ORDER_DELIVERED_ON,
                ImportField.ORDER_INVOICED_ON, ImportField.ORDER_PAID_ON};
        LocalDate[] dates = {null, null, shippedOn, deliveredOn, invoicedOn, paidOn};
        for (int step = 1; step <= reached; step++) {
            LocalDate on = dates[step] == null ? last : dates[step];
            ImportField field = fields[step] != null && dates[step] != null ? fields[step] : ImportField.ORDER_DATE;
            if (on.isAfter(today)) {
                row.error(field, "order.date.future");
                return false;
            }
            try {
                switch (OrderStatus.values()[step]) {
                    case CONFIRMED -> order.confirm();
                    case SHIPPED -> order.ship(on);
                    case DELIVERED -> order.deliver(on, null);
                    case INVOICED -> order.invoice(on);
                    case PAID -> order.markPaid(on);
                    default -> throw new IllegalStateException();
                }
            } catch (RuleViolation broken) {
                broken.broken().forEach(b -> row.error(field, b.code(), b.args().toArray()));
                return false;
            }
            if (step > 1) {
                last = on;
            }
        }
        return true;
    }

    /** The header of the column mapped to a field (null when none is). */
    public String header(ImportField field) {
        Integer column = mapping.column(field);
        return column == null || column >= headers.size() ? null : headers.get(column);
    }

    /**
     * A refusal the store found (a reference to no company or person) on the column that holds that reference,
     * when the store could not name it.
     */
    public RowError located(RowError error) {
        if (error.column() != null) {
            return error;
        }
        ImportField field = switch (error.code()) {
            case "import.error.companyNotFound", "import.error.clientNotFound", "import.error.companyAmbiguous",
                 "import.error.orderOtherClient" ->
                    switch (kind) {
                        case PEOPLE -> ImportField.PERSON_COMPANY;
                        case INTERACTIONS -> ImportField.INTERACTION_COMPANY;
                        case ORDERS -> ImportField.ORDER_COMPANY;
                        case COMPANIES -> null;
                    };
            case "import.error.personNotFound" -> ImportField.INTERACTION_PERSON;
            case "import.error.orderRowsApart", "import.error.orderDiffers" -> ImportField.ORDER_REFERENCE;
            default -> null;
        };
        return field == null ? error : new RowError(error.line(), header(field), error.code(), error.args());
    }

    /** The cells of one row, read through the mapping, and the errors found so far. */
    private final class Cells {
        final long line;
        final List<String> cells;
        final List<RowError> errors = new ArrayList<>();

        Cells(long line, List<String> cells) {
            this.line = line;
            this.cells = cells;
        }

        String raw(ImportField field) {
            Integer column = mapping.column(field);
            if (column == null || column >= cells.size()) {
                return null;
            }
            String value = cells.get(column);
            return value == null || value.isBlank() ? null : value;
        }

        boolean has(ImportField field) {
            return raw(field) != null;
        }

        String header(ImportField field) {
            Integer column = mapping.column(field);
            return column == null || column >= headers.size() ? null : headers.get(column);
        }

        void error(ImportField field, String code, Object... args) {
            errors.add(new RowError(line, header(field), code, List.of(args)));
        }

        String text(ImportField field, int max) {
            return field(field, () -> Text.optional(raw(field), max, field.key()));
        }

        <T> T field(ImportField field, java.util.function.Supplier<T> value) {
            try {
                return value.get();
            } catch (RuleViolation broken) {
                refused(broken);
                return null;
            }
        }

        <E extends Enum<E>> E choice(ImportField field, Class<E> type, Map<String, E> words) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            E found = CsvValues.choice(value, type, words).orElse(null);
            if (found == null) {
                error(field, "import.error.choice", value.strip());
            }
            return found;
        }

        LocalDate date(ImportField field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            LocalDate found = CsvValues.date(value).orElse(null);
            if (found == null) {
                error(field, "import.error.day", value.strip());
            }
            return found;
        }

        BigDecimal decimal(ImportField field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            BigDecimal found = CsvValues.decimal(value).orElse(null);
            if (found == null) {
                error(field, "import.error.number", value.strip());
            }
            return found;
        }

        <T> T choice(ImportField field, Map<String, T> words) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            T found = words.get(ImportField.normalize(value));
            if (found == null) {
                error(field, "import.error.choice", value.strip());
            }
            return found;
        }

        ProductRef product(ImportField field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            ProductRef found = products.get("c:" + value.strip().toUpperCase(Locale.ROOT));
            if (found == null) {
                found = products.get("n:" + ImportField.normalize(value));
            }
            if (found == null) {
                error(field, "import.error.productNotFound", value.strip());
            }
            return found;
        }

        UserRef user(ImportField field) {
            String value = raw(field);
            if (value == null) {
                return null;
            }
            UserRef user = users.get(value.strip().toLowerCase(Locale.ROOT));
            if (user == null) {
                error(field, "import.error.user", value.strip());
            }
            return user;
        }

        /** The aggregate's refusal, each broken rule on the column of its field. */
        void refused(RuleViolation violation) {
            for (RuleViolation.Broken b : violation.broken()) {
                ImportField field = kind.fields().stream().filter(f -> f.key().equals(b.field())).findFirst()
                        .orElse(null);
                errors.add(new RowError(line, field == null ? null : header(field), b.code(), b.args()));
            }
        }
    }
}
