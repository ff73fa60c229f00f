package org.relationcrm.api;

import java.time.Duration;
import java.time.Instant;
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

import org.relationcrm.shared.Text;

/**
 * A personal API token: a name its user recognises it by, a scope, and the SHA-256 of the secret (the secret itself
 * is shown once, when created, and never stored). Revoking keeps the row, so the list says when it stopped.
 */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int MAX_NAME = 80;
    /** The last-used date is written at most this often: not one write per request (see the repository). */
    public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApiScope scope;

    @Column(name = "token_hash", nullable = false, columnDefinition = "bpchar(64)")
    private String tokenHash;

    /** The secret's first characters, so its owner can tell tokens apart. */
    @Column(nullable = false)
    private String hint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiToken() {
    }

    ApiToken(long userId, String name, ApiScope scope, String tokenHash, String hint, Instant createdAt) {
        this.userId = userId;
        this.name = Text.required(name, MAX_NAME, "name");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.tokenHash = Objects.requireNonNull(tokenHash, "tokenHash");
        this.hint = Objects.requireNonNull(hint, "hint");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Stops the token at once; revoking twice keeps the first date. */
    void revoke(Instant when) {
        if (revokedAt == null) {
            revokedAt = when;
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public Long id() {
        return id;
    }

    public long userId() {
        return userId;
    }

    public String name() {
        return name;
    }

    public ApiScope scope() {
        return scope;
    }

    public String hint() {
        return hint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant lastUsedAt() {
        return lastUsedAt;
    }

    public Instant revokedAt() {
        return revokedAt;
    }
}
