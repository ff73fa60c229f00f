package org.relationcrm.order.persistence;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import org.relationcrm.order.Order;
import org.relationcrm.order.OrderRepository;

interface SpringDataOrderRepository extends OrderRepository, Repository<Order, Long> {

    @Override
    @Query(value = "select nextval('customer_order_number_seq')", nativeQuery = true)
    long nextNumber();
}
