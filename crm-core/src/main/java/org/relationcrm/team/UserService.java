package org.relationcrm.team;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;

/** Creating users and giving them their role: the administrator's job. */
@Service
@Transactional
public class UserService {

    /** Below this a password is too easy to guess. */
    public static final int MIN_PASSWORD_LENGTH = 10;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher events;

    public UserService(UserRepository users, PasswordHasher hasher, ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
    }

    public User create(String username, String clearPassword, String fullName, Role role, Department department) {
        if (users.existsByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))) {
            throw new DuplicateUsernameException(username);
        }
        checkPassword(clearPassword);
        return users.save(new User(username, hasher.hash(clearPassword), fullName, role, department));
    }

    /** True until the first user exists: nobody can sign in to a new database. */
    public boolean noUserYet() {
        return users.count() == 0;
    }

    public User update(long userId, long expectedVersion, Role role, Department department, boolean enabled) {
        User user = get(userId);
        if (user.version() != expectedVersion) {
            throw new StaleEditException("User", expectedVersion, user.version());
        }
        boolean rightsChange = user.role() != role || user.department() != department || user.enabled() != enabled;
        user.assign(role, department);
        if (enabled) {
            user.enable();
        } else {
            user.disable();
        }
        if (rightsChange) {
            events.publishEvent(new UserRightsChanged(user.id(), user.username()));
        }
        return user;
    }

    /**
     * The user's own new password (the web checks the current one first). Every open session of the user ends once
     * it is saved, this one included: they sign in again with it.
     */
    public void changePassword(long userId, String newClearPassword) {
        checkPassword(newClearPassword);
        User user = get(userId);
        user.changePasswordHash(hasher.hash(newClearPassword));
        events.publishEvent(new UserPasswordChanged(user.id(), user.username()));
    }

    @Transactional(readOnly = true)
    public User get(long userId) {
        return users.findById(userId).orElseThrow(() -> new NotFoundException("User", userId));
    }

    @Transactional(readOnly = true)
    public List<User> all() {
        return users.findAllByOrderByFullNameAsc();
    }

    /** The active users whose role grants the permission, by name: whom work can be handed on to. */
    @Transactional(readOnly = true)
    public List<User> activeAbleTo(Permission permission) {
        List<Role> roles = Arrays.stream(Role.values()).filter(r -> r.grants(permission)).toList();
        return users.findByRoleInAndEnabledTrueOrderByFullNameAsc(roles);
    }

    private static void checkPassword(String clearPassword) {
        if (clearPassword == null || clearPassword.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** The chosen username is already taken. */
    public static class DuplicateUsernameException extends RuntimeException {
        public DuplicateUsernameException(String username) {
            super("username already taken: " + username);
        }
    }
}
