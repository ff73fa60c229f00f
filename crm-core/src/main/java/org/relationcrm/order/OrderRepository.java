package org.relationcrm.order;

import java.util.Optional;

/** All orders. Implemented by Spring Data in crm-persistence. */
public interface OrderRepository {

    Optional<Order> findById(Long id);

    Order save(Order order);

    /** The next number of the order sequence (one sequence for every year: numbers never repeat). */
    long nextNumber();
}
