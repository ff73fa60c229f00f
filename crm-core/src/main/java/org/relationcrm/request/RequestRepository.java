package org.relationcrm.request;

import java.util.Optional;

/** All requests. Implemented by Spring Data in crm-persistence. */
public interface RequestRepository {

    Optional<Request> findById(Long id);

    Request save(Request request);
}
