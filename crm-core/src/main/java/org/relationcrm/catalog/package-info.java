/**
 * The catalogue of product lines (ADMIN) and the lines each customer holds (ADV): {@link
 * org.relationcrm.catalog.ProductLineAdmin}, {@link org.relationcrm.catalog.ProductLineHoldings}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog",
        allowedDependencies = {"client", "interaction", "team", "team :: web"})
package org.relationcrm.catalog;
