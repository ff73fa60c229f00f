package org.relationcrm.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.CompanyRepository;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/** The catalogue of product lines (ADMIN) and the lines each customer holds (ADV). */
@Service
@Transactional
public class ProductLineAdmin {

    private final ProductLineRepository lines;
    private final ProductLineHoldings records;
    private final CompanyRepository companies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public ProductLineAdmin(ProductLineRepository lines, ProductLineHoldings records, CompanyRepository companies,
                            ApplicationEventPublisher events, Clock clock) {
        this.lines = lines;
        this.records = records;
        this.companies = companies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ProductLine> all() {
        return lines.findAllByOrderByNameAsc();
    }

    public ProductLine create(String code, String name, String description, Actor actor) {
        actor.require(Permission.ADMINISTER_CATALOG);
        if (code != null && lines.existsByCode(code.strip().toUpperCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException("a product line with this code exists");
        }
        return lines.save(new ProductLine(code, name, description));
    }

    /** Saves an edit of the line made on {@code expectedVersion}; if someone saved in between, nothing is written. */
    public ProductLine rename(long id, long expectedVersion, String name, String description, boolean active,
                              Actor actor) {
        actor.require(Permission.ADMINISTER_CATALOG);
        ProductLine line = lines.findById(id).orElseThrow(() -> new NotFoundException("ProductLine", id));
        if (line.version() != expectedVersion) {
            throw new StaleEditException("ProductLine", expectedVersion, line.version());
        }
        line.rename(name, description);
        if (active) {
            line.reactivate();
        } else {
            line.retire();
        }
        return line;
    }

    public void hold(long companyId, long lineId, Actor actor) {
        actor.require(Permission.MANAGE_HELD_PRODUCT_LINES);
        if (!companies.existsById(companyId)) {
            throw new NotFoundException("Company", companyId);
        }
        ProductLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("ProductLine", lineId));
        if (records.hold(companyId, lineId, "MANUAL", null, LocalDate.now(clock), actor.userId())) {
            events.publishEvent(new ProductLineHeld(companyId, lineId, line.name(), actor));
        }
    }

    public void release(long companyId, long lineId, Actor actor) {
        actor.require(Permission.MANAGE_HELD_PRODUCT_LINES);
        ProductLine line = lines.findById(lineId).orElseThrow(() -> new NotFoundException("ProductLine", lineId));
        if (records.release(companyId, lineId)) {
            events.publishEvent(new ProductLineReleased(companyId, lineId, line.name(), actor));
        }
    }
}
