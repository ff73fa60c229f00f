package org.relationcrm.team;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.Text;

/** Someone who signs in to Relation. The password is only ever stored hashed. */
@Entity
@Table(name = "app_user")
public class User {

    /** The limits, declared here only: the forms' @Size read them. */
    public static final int MAX_USERNAME = 60;
    public static final int MAX_FULL_NAME = 120;
    public static final int MAX_EMAIL = 254;
    /** What a sign-in name may hold. */
    public static final String USERNAME_PATTERN = "^[a-zA-Z0-9._-]*$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(nullable = false, unique = true)
    private String username;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Department department;

    @Column(nullable = false)
    private boolean enabled = true;

    /** Optional; unique whatever its case. */
    private String email;

    /** Set by an administrator's password reset: the user chooses their own password before anything else. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    protected User() {
    }

    public User(String username, String passwordHash, String fullName, Role role, Department department) {
        this.username = Text.required(username, MAX_USERNAME, "username").toLowerCase(java.util.Locale.ROOT);
        this.passwordHash = requireText(passwordHash, "passwordHash");
        this.fullName = Text.required(fullName, MAX_FULL_NAME, "fullName");
        this.role = Objects.requireNonNull(role, "role");
        this.department = Objects.requireNonNull(department, "department");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    /** The administrator corrects who the user is: the name people see, the sign-in name, the email. */
    public void rename(String newUsername, String newFullName, String newEmail) {
        this.username = Text.required(newUsername, MAX_USERNAME, "username").toLowerCase(java.util.Locale.ROOT);
        this.fullName = Text.required(newFullName, MAX_FULL_NAME, "fullName");
        this.email = normalizedEmail(newEmail);
    }

    /** An email is stored trimmed, or not at all when blank. */
    public static String normalizedEmail(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    public void assign(Role newRole, Department newDepartment) {
        this.role = Objects.requireNonNull(newRole, "role");
        this.department = Objects.requireNonNull(newDepartment, "department");
    }

    /** The user's own choice: no further change is asked of them. */
    public void changePasswordHash(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
        this.mustChangePassword = false;
    }

    /** A password someone else chose for the user (a reset, the first administrator's): the user must replace it. */
    public void resetPasswordHash(String temporaryHash) {
        this.passwordHash = requireText(temporaryHash, "passwordHash");
        this.mustChangePassword = true;
    }

    public void disable() {
        this.enabled = false;
    }

    public void enable() {
        this.enabled = true;
    }

    public Actor asActor() {
        return new Actor(id, role, department);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String username() {
        return username;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    public Department department() {
        return department;
    }

    public boolean enabled() {
        return enabled;
    }

    public String email() {
        return email;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }
}
