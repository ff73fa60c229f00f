package org.relationcrm.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The catalogue of product lines. Implemented by Spring Data in crm-persistence. */
public interface ProductLineRepository {

    Optional<ProductLine> findById(Long id);

    List<ProductLine> findAllByIdIn(Collection<Long> ids);

    List<ProductLine> findAllByOrderByNameAsc();

    List<ProductLine> findAllByActiveTrueOrderByNameAsc();

    boolean existsByCode(String code);

    ProductLine save(ProductLine line);

    long count();
}
