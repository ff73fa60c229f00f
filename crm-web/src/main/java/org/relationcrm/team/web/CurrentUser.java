package org.relationcrm.team.web;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;

/**
 * The signed-in user as Spring Security keeps it in the session. Controllers turn it into an {@link Actor}. Its
 * authorities are its role ({@code ROLE_SALES}) and each permission the role grants ({@code PERM_LOG_INTERACTIONS}),
 * which SecurityConfig's rules ask for; templates ask {@code me.can('LOG_INTERACTIONS')}. Every feature's controllers
 * receive it: it is the named interface {@code team :: web}.
 */
@NamedInterface(name = "web", propagate = false)
public final class CurrentUser implements UserDetails, CredentialsContainer {

    /**
     * 3: it knows whether the password must be changed first. A session signed in with an older form is dropped and
     * its user signs in again.
     */
    @Serial
    private static final long serialVersionUID = 3L;

    private static final String PERMISSION_PREFIX = "PERM_";

    private final long id;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Role role;
    private final Department department;
    private final boolean enabled;
    private final boolean mustChangePassword;

    public CurrentUser(User user) {
        this.id = user.id();
        this.username = user.username();
        this.passwordHash = user.passwordHash();
        this.fullName = user.fullName();
        this.role = user.role();
        this.department = user.department();
        this.enabled = user.enabled();
        this.mustChangePassword = user.mustChangePassword();
    }

    public Actor actor() {
        return new Actor(id, role, department);
    }

    public long id() {
        return id;
    }

    public String fullName() {
        return fullName;
    }

    public Role role() {
        return role;
    }

    /** After an administrator's reset: nothing but choosing a password until it is done (see PasswordFirst). */
    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean can(Permission permission) {
        return role.grants(permission);
    }

    /** For templates: {@code me.can('SEND_SURVEYS')}. An unknown name fails loudly rather than hiding a link. */
    public boolean can(String permission) {
        return can(Permission.valueOf(permission));
    }

    /** The authority that stands for a permission in Spring Security's rules. */
    public static String authority(Permission permission) {
        return PERMISSION_PREFIX + permission.name();
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name()));
        role.permissions().forEach(permission -> authorities.add(new SimpleGrantedAuthority(authority(permission))));
        return authorities;
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
