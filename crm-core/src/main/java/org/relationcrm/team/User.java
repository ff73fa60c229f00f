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

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // The limits, declared here only: the forms' @Size read them.
    public static final int MAX_USERNAME = 60;
    public static final int MAX_FULL_NAME = 120;

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

    public void assign(Role newRole, Department newDepartment) {
        this.role = Objects.requireNonNull(newRole, "role");
        this.department = Objects.requireNonNull(newDepartment, "department");
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = requireText(newHash, "passwordHash");
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
}
