package org.relationcrm.config;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;

/** The signed-in user as Spring Security keeps it in the session. Controllers turn it into an {@link Actor}. */
public final class CurrentUser implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private String passwordHash;
    private final String fullName;
    private final Role role;
    private final Department department;
    private final boolean enabled;

    CurrentUser(User user) {
        this.id = user.id();
        this.username = user.username();
        this.passwordHash = user.passwordHash();
        this.fullName = user.fullName();
        this.role = user.role();
        this.department = user.department();
        this.enabled = user.enabled();
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

    public boolean canLogInteractions() {
        return role.canLogInteractions();
    }

    public boolean canCreateCompanies() {
        return role.canCreateCompanies();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
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
