package org.relationcrm.team.persistence;

import org.springframework.data.repository.Repository;

import org.relationcrm.team.User;
import org.relationcrm.team.UserRepository;

interface SpringDataUserRepository extends UserRepository, Repository<User, Long> {
}
