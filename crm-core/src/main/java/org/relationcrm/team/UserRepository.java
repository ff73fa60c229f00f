package org.relationcrm.team;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** All users. Implemented by Spring Data in crm-persistence. */
public interface UserRepository {

    Optional<User> findById(Long id);

    Optional<User> findByUsername(String username);

    Optional<User> findByEmailIgnoreCase(String email);

    List<User> findAllByOrderByFullNameAsc();

    List<User> findByRoleInAndEnabledTrueOrderByFullNameAsc(Collection<Role> roles);

    User save(User user);

    long count();
}
