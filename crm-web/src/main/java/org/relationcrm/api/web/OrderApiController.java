package org.relationcrm.api.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.OrderResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.order.CancelReason;
import org.relationcrm.order.Order;
import org.relationcrm.order.OrderDetails;
import org.relationcrm.order.OrderService;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.order.PaymentTerms;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;

/**
 * Orders, as on the order desk's pages: everyone reads them; the order desk (MANAGE_ORDERS: ADV, the administrator)
 * places any order, revises it until it is shipped, moves it on one step at a time and cancels it with a reason (an
 * order is never deleted); a sales rep (PLACE_ORDERS) places only the order of a won deal they manage
 * ({@link OrderService}, which checks every rule again).
 */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
class OrderApiController {

    /**
     * An order's terms and lines. {@code companyId} on POST only (an order stays its client's); {@code personId}: who
     * ordered (one of the client's people), {@code dealId}: the won deal it comes from; currency omitted: EUR.
     */
    record OrderInput(Long companyId, Long personId, Long dealId, LocalDate orderedOn, String currency,
                      PaymentTerms paymentTerms, LocalDate promisedOn, List<LineInput> lines) {
    }

    /** A line: a product line of the catalogue, how many, at what unit price (excl. VAT), the discount in %. */
    record LineInput(Long productLineId, Integer quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
    }

    /** One step on: to CONFIRMED, SHIPPED, DELIVERED (with the incident, if any), INVOICED or PAID, on a date. */
    record StepInput(@NotNull OrderStatus to, LocalDate on, @Size(max = Order.MAX_NOTE) String incident) {
    }

    /** Why the order is cancelled, and in words if need be. */
    record CancelInput(@NotNull CancelReason reason, @Size(max = Order.MAX_NOTE) String note) {
    }

    /** The domain's names of the fields the API names otherwise. */
    private static final Map<String, String> API_NAMES = Map.of("contactId", "personId", "opportunityId", "dealId");

    private final ApiQueries queries;
    private final OrderService orders;

    OrderApiController(ApiQueries queries, OrderService orders) {
        this.queries = queries;
        this.orders = orders;
    }

    @GetMapping
    @Operation(summary = "Orders in id order, a page at a time; owner = who took the order")
    ResponseEntity<ListPage<OrderResource>> list(
            @RequestParam(required = false) String after, @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long owner, @RequestParam(required = false) OrderStatus status,
            @RequestParam(required = false) Long company,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant updatedSince) {
        ApiFilter filter = new ApiFilter(owner, status == null ? null : status.name(), company, updatedSince);
        return ApiSupport.list(queries.orders(filter, ApiSupport.after(after), ApiSupport.limit(limit)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One order with its lines; its ETag is the version to send back in If-Match")
    ResponseEntity<OrderResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), OrderResource::version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Places an order, received (PLACE_ORDERS: the order desk any, a sales rep the order of a "
            + "won deal of theirs)")
    ResponseEntity<OrderResource> create(@RequestBody OrderInput input, @AuthenticationPrincipal CurrentUser me) {
        if (input.companyId() == null) {
            throw ApiRequestException.required("companyId");
        }
        long id = ApiSupport.naming(API_NAMES, () -> orders.place(input.companyId(), details(input), me.actor())).id();
        return ApiSupport.created(read(id), id, OrderResource::version);
    }

    @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Replaces the order's terms and lines until it is shipped (MANAGE_ORDERS); If-Match required")
    ResponseEntity<OrderResource> replace(@PathVariable long id, @RequestBody OrderInput input,
                                          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                          @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        ApiSupport.naming(API_NAMES, () -> orders.revise(id, version, details(input), me.actor()));
        return ApiSupport.one(read(id), OrderResource::version);
    }

    @PostMapping(path = "/{id}/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Moves the order one step on: confirmed, shipped, delivered, invoiced, paid, each on its "
            + "date (MANAGE_ORDERS); If-Match required")
    ResponseEntity<OrderResource> step(@PathVariable long id, @Valid @RequestBody StepInput input,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                       @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        orders.moveTo(id, version, input.to(), input.on(), input.incident(), me.actor());
        return ApiSupport.one(read(id), OrderResource::version);
    }

    @PostMapping(path = "/{id}/cancel", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Cancels the order, with a reason, until it is delivered (MANAGE_ORDERS); If-Match required."
            + " An order is never deleted")
    ResponseEntity<OrderResource> cancel(@PathVariable long id, @Valid @RequestBody CancelInput input,
                                         @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @AuthenticationPrincipal CurrentUser me) {
        long version = ApiSupport.expectedVersion(ifMatch);
        orders.cancel(id, version, input.reason(), input.note(), me.actor());
        return ApiSupport.one(read(id), OrderResource::version);
    }

    private static OrderDetails details(OrderInput input) {
        List<OrderDetails.Line> lines = input.lines() == null ? List.of() : input.lines().stream()
                .map(l -> l == null ? new OrderDetails.Line(null, null, null, null)
                        : new OrderDetails.Line(l.productLineId(), l.quantity(), l.unitPrice(), l.discountPercent()))
                .toList();
        return new OrderDetails(input.personId(), input.dealId(), input.orderedOn(), input.currency(),
                input.paymentTerms(), input.promisedOn(), lines);
    }

    private OrderResource read(long id) {
        return queries.order(id).orElseThrow(() -> new NotFoundException("Order", id));
    }
}
