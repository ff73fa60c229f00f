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
    /** Beyond it a password is a paste gone wrong (and BCrypt reads 72 bytes at most). */
    public static final int MAX_PASSWORD_LENGTH = 100;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final ApplicationEventPublisher events;

    public UserService(UserRepository users, PasswordHasher hasher, ApplicationEventPublisher events) {
        this.users = users;
        this.hasher = hasher;
        this.events = events;
    }

    /** The length of the password a reset makes up. */
    public static final int TEMPORARY_PASSWORD_LENGTH = 14;

    public User create(String username, String clearPassword, String fullName, Role role, Department department) {
        return create(username, clearPassword, fullName, null, role, department);
    }

    public User create(String username, String clearPassword, String fullName, String email, Role role,
                       Department department) {
        if (usernameTaken(username, null)) {
            throw new DuplicateUsernameException(username);
        }
        if (emailTaken(email, null)) {
            throw new DuplicateEmailException(email);
        }
        checkPassword(clearPassword);
        User user = new User(username, hasher.hash(clearPassword), fullName, role, department);
        user.rename(username, fullName, email);
        return users.save(user);
    }

    /** True when another user than {@code exceptUserId} signs in with this name (names are compared lower-cased). */
    @Transactional(readOnly = true)
    public boolean usernameTaken(String username, Long exceptUserId) {
        if (username == null || username.isBlank()) {
            return false;
        }
        return users.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(other -> !other.id().equals(exceptUserId)).isPresent();
    }

    /** True when another user than {@code exceptUserId} has this email, whatever its case. */
    @Transactional(readOnly = true)
    public boolean emailTaken(String email, Long exceptUserId) {
        String normalized = User.normalizedEmail(email);
        if (normalized == null) {
            return false;
        }
        return users.findByEmailIgnoreCase(normalized).filter(other -> !other.id().equals(exceptUserId)).isPresent();
    }

    /**
     * The administrator gives a user a new password they make up here, shown once: the user's sessions end and,
     * at their next sign-in, they must choose their own before anything else.
     */
    public String resetPassword(long userId, long expectedVersion) {
        User user = get(userId);
        if (user.version() != expectedVersion) {
            throw new StaleEditException("User", expectedVersion, user.version());
        }
        String temporary = GeneratedPassword.of(TEMPORARY_PASSWORD_LENGTH);
        user.resetPasswordHash(hasher.hash(temporary));
        events.publishEvent(new UserPasswordChanged(user.id(), user.username()));
        return temporary;
    }

    /** True until the first user exists: nobody can sign in to a new database. */
    public boolean noUserYet() {
        return users.count() == 0;
    }

    /**
     * The administrator's edit of a user: who they are and what they may do. A change of rights or of sign-in name
     * ends the user's sessions (the session still carries the old ones).
     */
    public User update(long userId, long expectedVersion, UserChanges changes) {
        User user = get(userId);
        if (user.version() != expectedVersion) {
            throw new StaleEditException("User", expectedVersion, user.version());
        }
        if (usernameTaken(changes.username(), userId)) {
            throw new DuplicateUsernameException(changes.username());
        }
        if (emailTaken(changes.email(), userId)) {
            throw new DuplicateEmailException(changes.email());
        }
        String oldUsername = user.username();
        boolean rightsChange = user.role() != changes.role() || user.department() != changes.department()
                || user.enabled() != changes.enabled();
        user.rename(changes.username(), changes.fullName(), changes.email());
        user.assign(changes.role(), changes.department());
        if (changes.enabled()) {
            user.enable();
        } else {
            user.disable();
        }
        if (rightsChange || !oldUsername.equals(user.username())) {
            events.publishEvent(new UserRightsChanged(user.id(), oldUsername));
        }
        return user;
    }

    /** What an administrator may change of a user in one edit. */
    public record UserChanges(String username, String fullName, String email, Role role, Department department,
                              boolean enabled) {
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
        if (clearPassword == null || clearPassword.length() < MIN_PASSWORD_LENGTH
                || clearPassword.length() > MAX_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have " + MIN_PASSWORD_LENGTH + " to "
                    + MAX_PASSWORD_LENGTH + " characters");
        }
    }

    /** The chosen email is already another user's. */
    public static class DuplicateEmailException extends RuntimeException {
        public DuplicateEmailException(String email) {
            super("email already taken: " + email);
        }
    }

    /** The chosen username is already taken. */
    public static class DuplicateUsernameException extends RuntimeException {
        public DuplicateUsernameException(String username) {
            super("username already taken: " + username);
        }
    }
}
