/**
 * The order desk (ADV): a client's orders with their lines from the catalogue, the delivery (promised and actual
 * dates, incidents) and the invoice (due date from the payment terms, paid date, amount outstanding). Each change
 * of status is published as an {@link org.relationcrm.interaction.OnTimeline} event, so the client's timeline shows
 * it; a delivered order adds its product lines to those the client holds. Named interface {@code order :: web}: its
 * card on the 360° page and the order desk's "My day". Nothing depends on it but the pages that show it and the import
 * (which checks imported orders by this aggregate's rules and writes them in bulk in SQL, with the same timeline event
 * and triggers); the churn score reads its table in SQL (a read model), never its classes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders",
        allowedDependencies = {"catalog", "client", "interaction", "interaction :: web", "pipeline", "team",
                "team :: web", "shared :: web", "shared :: persistence"})
package org.relationcrm.order;
