package org.relationcrm.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Text;

/**
 * A client's order, as the order desk follows it from its receipt to its payment. Its number is readable
 * ({@code CMD-2026-000123}); its total is the sum of its lines; its status moves only along
 * {@link OrderStatus#next()}, each move with its date (shipped, delivered, invoiced, paid), or it is cancelled with a
 * reason before delivery. The delivery is late when it comes after the promised date; the invoice is due as the
 * payment terms say and outstanding until paid.
 */
@Entity(name = "CustomerOrder")
@Table(name = "customer_order")
public class Order {

    // The limits, declared here only: the forms read them.
    public static final int MAX_LINES = 30;
    public static final int MAX_QUANTITY = 1_000_000;
    public static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("100000000");
    public static final int MAX_NOTE = 1_000;
    /** Well within the column (numeric(16, 2)). */
    public static final BigDecimal MAX_TOTAL = new BigDecimal("10000000000000");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true, updatable = false)
    private String number;

    @Column(name = "company_id", nullable = false, updatable = false)
    private long companyId;

    @Column(name = "contact_id")
    private Long contactId;

    @Column(name = "opportunity_id")
    private Long opportunityId;

    @Column(name = "ordered_on", nullable = false)
    private LocalDate orderedOn;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_terms", nullable = false)
    private PaymentTerms paymentTerms;

    @Column(name = "promised_on", nullable = false)
    private LocalDate promisedOn;

    @ElementCollection
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "position")
    private List<OrderLine> lines = new ArrayList<>();

    @Column(nullable = false)
    private BigDecimal total;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "shipped_on")
    private LocalDate shippedOn;

    @Column(name = "delivered_on")
    private LocalDate deliveredOn;

    /** What went wrong with the delivery, as the client or the carrier told it. */
    @Column(name = "delivery_incident")
    private String deliveryIncident;

    @Column(name = "invoice_number")
    private String invoiceNumber;

    @Column(name = "invoiced_on")
    private LocalDate invoicedOn;

    @Column(name = "invoice_due_on")
    private LocalDate invoiceDueOn;

    @Column(name = "paid_on")
    private LocalDate paidOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "cancel_reason")
    private CancelReason cancelReason;

    @Column(name = "cancel_note")
    private String cancelNote;

    @Column(name = "created_by", nullable = false, updatable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected Order() {
    }

    /** A new order, received, numbered {@code CMD-<year>-<sequence>}. */
    public static Order place(long sequence, long companyId, OrderDetails details, long createdBy, Instant now) {
        Order order = new Order();
        order.companyId = companyId;
        order.status = OrderStatus.RECEIVED;
        order.createdBy = createdBy;
        order.createdAt = now;
        order.revise(details);
        order.number = number("CMD", order.orderedOn, sequence);
        return order;
    }

    static String number(String prefix, LocalDate on, long sequence) {
        return "%s-%d-%06d".formatted(prefix, on.getYear(), sequence);
    }

    /** New lines, terms or dates, while the order has not left yet. */
    public void revise(OrderDetails d) {
        if (status != null && !status.editable()) {
            throw new IllegalStateException("an order is edited only before it is shipped");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(d.orderedOn() != null && SaneDates.contains(d.orderedOn()), "orderedOn", "order.date.invalid");
        broken.unless(d.promisedOn() != null && SaneDates.contains(d.promisedOn()), "promisedOn", "order.date.invalid");
        broken.unless(d.promisedOn() == null || d.orderedOn() == null || !d.promisedOn().isBefore(d.orderedOn()),
                "promisedOn", "order.promisedOn.beforeOrder");
        broken.unless(d.paymentTerms() != null, "paymentTerms", RuleViolation.REQUIRED);
        String cur = d.currency() == null || d.currency().isBlank() ? "EUR" : d.currency().strip();
        broken.unless(cur.matches("[A-Z]{3}"), "currency", "order.currency.invalid");
        List<OrderLine> typed = new ArrayList<>();
        for (OrderDetails.Line line : d.lines()) {
            if (line.productLineId() == null || line.quantity() == null || line.unitPrice() == null
                    || line.quantity() < 1 || line.quantity() > MAX_QUANTITY || line.unitPrice().signum() < 0
                    || line.unitPrice().compareTo(MAX_UNIT_PRICE) > 0) {
                broken.unless(false, "lines", "order.lines.incomplete");
                continue;
            }
            BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
            if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
                broken.unless(false, "lines", "order.lines.discount");
                continue;
            }
            typed.add(new OrderLine(line.productLineId(), line.quantity(), line.unitPrice(), discount));
        }
        broken.unless(!d.lines().isEmpty(), "lines", "order.lines.none");
        broken.unless(d.lines().size() <= MAX_LINES, "lines", "order.lines.tooMany", MAX_LINES);
        BigDecimal sum = typed.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        broken.unless(sum.compareTo(MAX_TOTAL) <= 0, "lines", "order.total.tooLarge");
        broken.throwIfAny();
        this.contactId = d.contactId();
        this.opportunityId = d.opportunityId();
        this.orderedOn = d.orderedOn();
        this.promisedOn = d.promisedOn();
        this.paymentTerms = d.paymentTerms();
        this.currency = cur;
        this.lines.clear();
        this.lines.addAll(typed);
        this.total = sum;
    }

    /** ADV checked stock, price and terms: the order is confirmed to the client. */
    public void confirm() {
        move(OrderStatus.CONFIRMED);
    }

    public void ship(LocalDate on) {
        LocalDate date = dated(on, orderedOn, "on");
        move(OrderStatus.SHIPPED);
        shippedOn = date;
    }

    /** Delivered on {@code on} (late when after the promised date), with what went wrong if anything did. */
    public void deliver(LocalDate on, String incident) {
        LocalDate date = dated(on, shippedOn == null ? orderedOn : shippedOn, "on");
        String note = Text.optional(incident, MAX_NOTE, "incident");
        move(OrderStatus.DELIVERED);
        deliveredOn = date;
        deliveryIncident = note;
    }

    /** The invoice, for the order's total, due as the payment terms say; numbered like the order. */
    public void invoice(LocalDate on) {
        LocalDate date = dated(on, deliveredOn, "on");
        move(OrderStatus.INVOICED);
        invoicedOn = date;
        invoiceDueOn = paymentTerms.dueOn(date);
        invoiceNumber = "FAC" + number.substring(3);
    }

    public void markPaid(LocalDate on) {
        LocalDate date = dated(on, invoicedOn, "on");
        move(OrderStatus.PAID);
        paidOn = date;
    }

    public void cancel(CancelReason reason, String note) {
        if (!status.cancellable()) {
            throw new IllegalStateException("a delivered order is not cancelled");
        }
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(reason != null, "reason", RuleViolation.REQUIRED);
        String why = broken.check(() -> Text.optional(note, MAX_NOTE, "note"));
        broken.throwIfAny();
        status = OrderStatus.CANCELLED;
        cancelReason = reason;
        cancelNote = why;
    }

    private void move(OrderStatus to) {
        if (!status.next().contains(to)) {
            throw new IllegalStateException("an order " + status + " does not move to " + to);
        }
        status = to;
    }

    /** A date of a step: given, sane, and not before the step it follows. */
    private static LocalDate dated(LocalDate on, LocalDate notBefore, String field) {
        if (on == null || !SaneDates.contains(on)) {
            throw new RuleViolation(field, "order.date.invalid");
        }
        if (notBefore != null && on.isBefore(notBefore)) {
            throw new RuleViolation(field, "order.date.beforePrevious");
        }
        return on;
    }

    /** Days the delivery is late: after the promised date, delivered or, while on its way, as of {@code today}. */
    public long lateDays(LocalDate today) {
        if (status == OrderStatus.CANCELLED) {
            return 0;
        }
        LocalDate against = deliveredOn != null ? deliveredOn
                : status == OrderStatus.CONFIRMED || status == OrderStatus.SHIPPED || status == OrderStatus.RECEIVED
                ? today : null;
        return against == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(promisedOn, against));
    }

    /** The invoice's amount still to be paid: the total once invoiced, zero once paid (or before the invoice). */
    public BigDecimal outstanding() {
        return status == OrderStatus.INVOICED ? total : BigDecimal.ZERO;
    }

    /** Days the invoice is past its due date, as of {@code today}; 0 when paid or not due. */
    public long overdueDays(LocalDate today) {
        return status == OrderStatus.INVOICED && today.isAfter(invoiceDueOn)
                ? ChronoUnit.DAYS.between(invoiceDueOn, today) : 0;
    }

    public OrderDetails details() {
        return new OrderDetails(contactId, opportunityId, orderedOn, currency, paymentTerms, promisedOn,
                lines.stream().map(l -> new OrderDetails.Line(l.productLineId(), l.quantity(), l.unitPrice(),
                        l.discountPercent())).toList());
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String number() {
        return number;
    }

    public long companyId() {
        return companyId;
    }

    public Long contactId() {
        return contactId;
    }

    public Long opportunityId() {
        return opportunityId;
    }

    public LocalDate orderedOn() {
        return orderedOn;
    }

    public String currency() {
        return currency;
    }

    public PaymentTerms paymentTerms() {
        return paymentTerms;
    }

    public LocalDate promisedOn() {
        return promisedOn;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public BigDecimal total() {
        return total;
    }

    public OrderStatus status() {
        return status;
    }

    public LocalDate shippedOn() {
        return shippedOn;
    }

    public LocalDate deliveredOn() {
        return deliveredOn;
    }

    public String deliveryIncident() {
        return deliveryIncident;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public LocalDate invoicedOn() {
        return invoicedOn;
    }

    public LocalDate invoiceDueOn() {
        return invoiceDueOn;
    }

    public LocalDate paidOn() {
        return paidOn;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public String cancelNote() {
        return cancelNote;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
