package org.relationcrm.api.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.api.ApiToken;
import org.relationcrm.api.ApiTokenRepository;

interface SpringDataApiTokenRepository extends ApiTokenRepository, Repository<ApiToken, Long> {
}
