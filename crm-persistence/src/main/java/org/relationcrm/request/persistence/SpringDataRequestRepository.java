package org.relationcrm.request.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.request.Request;
import org.relationcrm.request.RequestRepository;

interface SpringDataRequestRepository extends RequestRepository, Repository<Request, Long> {
}
