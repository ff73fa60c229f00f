package org.relationcrm.order;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of an order: a product line of the catalogue, a quantity, a unit price and a discount in percent. */
@Embeddable
public class OrderLine {

    @Column(name = "product_line_id", nullable = false)
    private long productLineId;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false)
    private BigDecimal discountPercent;

    protected OrderLine() {
    }

    OrderLine(long productLineId, int quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        this.productLineId = productLineId;
        this.quantity = quantity;
        this.unitPrice = unitPrice.setScale(2, RoundingMode.HALF_UP);
        this.discountPercent = discountPercent.setScale(2, RoundingMode.HALF_UP);
    }

    /** Quantity × unit price, less the discount, to the cent. */
    public BigDecimal total() {
        BigDecimal gross = unitPrice.multiply(BigDecimal.valueOf(quantity));
        BigDecimal kept = BigDecimal.valueOf(100).subtract(discountPercent);
        return gross.multiply(kept).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    public long productLineId() {
        return productLineId;
    }

    public int quantity() {
        return quantity;
    }

    public BigDecimal unitPrice() {
        return unitPrice;
    }

    public BigDecimal discountPercent() {
        return discountPercent;
    }
}
