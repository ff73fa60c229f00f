package org.relationcrm.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** All API tokens. Implemented by Spring Data in crm-persistence. */
public interface ApiTokenRepository {

    Optional<ApiToken> findById(Long id);

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

    ApiToken save(ApiToken token);

    /**
     * Notes a use of the token unless one was noted after {@code unlessUsedAfter}: one statement, no version check,
     * so calls made at the same time with the same token never conflict.
     */
    int markUsed(long id, Instant when, Instant unlessUsedAfter);
}
