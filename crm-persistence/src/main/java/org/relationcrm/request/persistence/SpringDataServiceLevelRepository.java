package org.relationcrm.request.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.request.ServiceLevel;
import org.relationcrm.request.ServiceLevelRepository;

interface SpringDataServiceLevelRepository extends ServiceLevelRepository, Repository<ServiceLevel, Long> {
}
