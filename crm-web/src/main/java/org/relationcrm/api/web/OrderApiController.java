package org.relationcrm.api.web;

import java.time.Instant;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.relationcrm.api.ApiFilter;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.api.ApiResources.OrderResource;
import org.relationcrm.api.web.ApiSupport.ListPage;
import org.relationcrm.order.OrderStatus;
import org.relationcrm.shared.NotFoundException;

/**
 * Orders, read only: everyone reads a client's orders, as on the pages. Taking and following an order (its lines,
 * delivery, invoice) stays on the order desk's pages for now.
 */
@RestController
@RequestMapping(path = "/api/v1/orders", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Orders")
class OrderApiController {

    private final ApiQueries queries;

    OrderApiController(ApiQueries queries) {
        this.queries = queries;
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
    @Operation(summary = "One order's header")
    ResponseEntity<OrderResource> get(@PathVariable long id) {
        return ApiSupport.one(read(id), OrderResource::version);
    }

    private OrderResource read(long id) {
        return queries.order(id).orElseThrow(() -> new NotFoundException("Order", id));
    }
}
