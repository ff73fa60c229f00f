package org.relationcrm.request;

import java.util.List;
import java.util.Optional;

import org.relationcrm.shared.Department;

/** The service levels, one per kind and receiving department. Implemented by Spring Data in crm-persistence. */
public interface ServiceLevelRepository {

    Optional<ServiceLevel> findByKindAndDepartment(RequestKind kind, Department department);

    List<ServiceLevel> findAllByOrderByIdAsc();

    ServiceLevel save(ServiceLevel level);
}
