package org.relationcrm.catalog.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.catalog.ProductLine;
import org.relationcrm.catalog.ProductLineRepository;

interface SpringDataProductLineRepository extends ProductLineRepository, Repository<ProductLine, Long> {
}
