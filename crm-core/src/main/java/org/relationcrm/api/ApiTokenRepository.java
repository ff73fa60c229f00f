package org.relationcrm.api;

import java.util.List;
import java.util.Optional;

/** All API tokens. Implemented by Spring Data in crm-persistence. */
public interface ApiTokenRepository {

    Optional<ApiToken> findById(Long id);

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

    ApiToken save(ApiToken token);
}
