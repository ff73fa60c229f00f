package org.relationcrm.order;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.catalog.ProductLine;
import org.relationcrm.catalog.ProductLineHeld;
import org.relationcrm.catalog.ProductLineHoldings;
import org.relationcrm.catalog.ProductLineRepository;
import org.relationcrm.client.CompanyRepository;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.pipeline.OpportunityRepository;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * The order desk's work on orders. Every change is made on the version the user saw (a conflict is a
 * {@link StaleEditException}) by whoever may {@link Permission#MANAGE_ORDERS}, and published: the placing as
 * {@link OrderPlaced}, each status as {@link OrderStatusChanged}, both on the client's timeline. A delivered order's
 * product lines become lines the client holds.
 */
@Service
@Transactional
public class OrderService {

    /** How {@code customer_product_line.source} names a line brought by a delivered order. */
    static final String HELD_FROM_ORDER = "ORDER";

    private final OrderRepository orders;
    private final ProductLineRepository productLines;
    private final ProductLineHoldings holdings;
    private final CompanyRepository companies;
    private final ContactRepository contacts;
    private final OpportunityRepository opportunities;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public OrderService(OrderRepository orders, ProductLineRepository productLines, ProductLineHoldings holdings,
                        CompanyRepository companies, ContactRepository contacts, OpportunityRepository opportunities,
                        ApplicationEventPublisher events, Clock clock) {
        this.orders = orders;
        this.productLines = productLines;
        this.holdings = holdings;
        this.companies = companies;
        this.contacts = contacts;
        this.opportunities = opportunities;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new order, received. The order desk places any order; a sales rep only the order of a won deal they manage,
     * which the order desk then confirms ({@link Permission#PLACE_ORDERS}).
     */
    public Order place(long companyId, OrderDetails details, Actor actor) {
        actor.require(Permission.PLACE_ORDERS);
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        if (!actor.can(Permission.MANAGE_ORDERS) && !mayPlaceFromDeal(details.opportunityId(), actor)) {
            throw new ForbiddenActionException("only the order of a won deal one manages");
        }
        checkReferences(companyId, details);
        Order order = orders.save(Order.place(orders.nextNumber(), companyId, details, actor.userId(),
                clock.instant()));
        events.publishEvent(new OrderPlaced(order.id(), companyId, order.contactId(), order.opportunityId(),
                order.number(), order.total(), order.currency(), actor));
        return order;
    }

    /** Whether this user may pass the order of this deal to the order desk: a won deal they manage. */
    @Transactional(readOnly = true)
    public boolean mayPlaceFromDeal(Long opportunityId, Actor actor) {
        if (actor.can(Permission.MANAGE_ORDERS)) {
            return true;
        }
        return actor.can(Permission.PLACE_ORDERS) && opportunityId != null
                && opportunities.findById(opportunityId).filter(o -> o.stage() == Stage.WON)
                .filter(o -> o.canBeManagedBy(actor)).isPresent();
    }

    public Order revise(long id, long expectedVersion, OrderDetails details, Actor actor) {
        Order order = editable(id, expectedVersion, actor);
        checkReferences(order.companyId(), details);
        order.revise(details);
        return order;
    }

    public Order confirm(long id, long expectedVersion, Actor actor) {
        return step(id, expectedVersion, actor, Order::confirm, null);
    }

    public Order ship(long id, long expectedVersion, LocalDate on, Actor actor) {
        notAhead(on);
        return step(id, expectedVersion, actor, o -> o.ship(on), null);
    }

    /** Delivered on {@code on}: late when after the promised date; its product lines are now held by the client. */
    public Order deliver(long id, long expectedVersion, LocalDate on, String incident, Actor actor) {
        notAhead(on);
        Order order = step(id, expectedVersion, actor, o -> o.deliver(on, incident), null);
        holdLines(order, actor);
        return order;
    }

    public Order invoice(long id, long expectedVersion, LocalDate on, Actor actor) {
        notAhead(on);
        return step(id, expectedVersion, actor, o -> o.invoice(on), null);
    }

    public Order markPaid(long id, long expectedVersion, LocalDate on, Actor actor) {
        notAhead(on);
        return step(id, expectedVersion, actor, o -> o.markPaid(on), null);
    }

    /**
     * One step on, to {@code to}, as the order's page and the API ask it: confirmed, shipped, delivered (with what went
     * wrong, if anything), invoiced or paid, on {@code on}. Received is no step, cancelled is {@link #cancel}: an
     * {@link IllegalStateException}, as any move the order's status does not allow.
     */
    public Order moveTo(long id, long expectedVersion, OrderStatus to, LocalDate on, String incident, Actor actor) {
        return switch (to) {
            case CONFIRMED -> confirm(id, expectedVersion, actor);
            case SHIPPED -> ship(id, expectedVersion, on, actor);
            case DELIVERED -> deliver(id, expectedVersion, on, incident, actor);
            case INVOICED -> invoice(id, expectedVersion, on, actor);
            case PAID -> markPaid(id, expectedVersion, on, actor);
            case RECEIVED, CANCELLED -> throw new IllegalStateException("not a step: " + to);
        };
    }

    public Order cancel(long id, long expectedVersion, CancelReason reason, String note, Actor actor) {
        return step(id, expectedVersion, actor, o -> o.cancel(reason, note), note);
    }

    @Transactional(readOnly = true)
    public Order get(long id) {
        return orders.findById(id).orElseThrow(() -> new NotFoundException("Order", id));
    }

    /** The order with its lines, and the names of its product lines, for its page. */
    @Transactional(readOnly = true)
    public OrderPage page(long id) {
        Order order = get(id);
        Map<Long, String> names = productLines.findAllByIdIn(order.lines().stream().map(OrderLine::productLineId)
                        .collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(ProductLine::id, ProductLine::name));
        String company = companies.findById(order.companyId()).map(c -> c.name()).orElse("");
        String person = order.contactId() == null ? null
                : contacts.findById(order.contactId()).map(c -> c.fullName()).orElse(null);
        return new OrderPage(order, company, person, names, LocalDate.now(clock));
    }

    /** A step is recorded once it happened: its date is not after today. */
    private void notAhead(LocalDate on) {
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("on", "order.date.future");
        }
    }

    private Order editable(long id, long expectedVersion, Actor actor) {
        actor.require(Permission.MANAGE_ORDERS);
        Order order = get(id);
        if (order.version() != expectedVersion) {
            throw new StaleEditException("Order", expectedVersion, order.version());
        }
        return order;
    }

    private Order step(long id, long expectedVersion, Actor actor, Consumer<Order> move, String note) {
        Order order = editable(id, expectedVersion, actor);
        move.accept(order);
        String typed = order.status() == OrderStatus.DELIVERED ? order.deliveryIncident() : note;
        long late = order.status() == OrderStatus.DELIVERED ? order.lateDays(LocalDate.now(clock)) : 0;
        events.publishEvent(OrderStatusChanged.of(order, late, typed == null || typed.isBlank() ? null : typed,
                actor));
        return order;
    }

    private void holdLines(Order order, Actor actor) {
        Set<Long> ids = new LinkedHashSet<>();
        order.lines().forEach(l -> ids.add(l.productLineId()));
        for (ProductLine line : productLines.findAllByIdIn(ids)) {
            if (holdings.hold(order.companyId(), line.id(), HELD_FROM_ORDER, null, order.deliveredOn(),
                    actor.userId())) {
                events.publishEvent(new ProductLineHeld(order.companyId(), line.id(), line.name(), actor));
            }
        }
    }

    /** The person, the deal and the product lines named are the client's and exist: a rule on the form's fields. */
    private void checkReferences(long companyId, OrderDetails details) {
        RuleViolation.Collector broken = RuleViolation.collect();
        broken.unless(details.contactId() == null || contacts.findById(details.contactId())
                .filter(c -> c.companyId() != null && c.companyId() == companyId).isPresent(),
                "contactId", "order.contact.invalid");
        broken.unless(details.opportunityId() == null || opportunities.findById(details.opportunityId())
                .filter(o -> o.companyId() == companyId).isPresent(), "opportunityId", "order.deal.invalid");
        Set<Long> named = details.lines().stream().map(OrderDetails.Line::productLineId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        List<ProductLine> found = named.isEmpty() ? List.of() : productLines.findAllByIdIn(named);
        broken.unless(found.size() == named.size(), "lines", "order.lines.unknownProduct");
        broken.throwIfAny();
    }
}
