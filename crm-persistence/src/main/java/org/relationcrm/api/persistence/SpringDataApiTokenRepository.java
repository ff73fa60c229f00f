package org.relationcrm.api.persistence;

import java.time.Instant;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

import org.relationcrm.api.ApiToken;
import org.relationcrm.api.ApiTokenRepository;

interface SpringDataApiTokenRepository extends ApiTokenRepository, Repository<ApiToken, Long> {

    @Override
    @Modifying
    @Query(value = """
            update api_token set last_used_at = :when
            where id = :id and (last_used_at is null or last_used_at < :unlessUsedAfter)""", nativeQuery = true)
    int markUsed(@Param("id") long id, @Param("when") Instant when, @Param("unlessUsedAfter") Instant unlessUsedAfter);
}
