package org.relationcrm.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.User;
import org.relationcrm.team.UserRepository;

/**
 * Personal API tokens: each user creates, lists and revokes their own. A call is authenticated by the SHA-256 of its
 * token, then by the token's user as they are now: a disabled user's tokens stop at once, and a changed role
 * applies to the next call.
 */
@Service
@Transactional
public class ApiTokenService {

    /** Every secret starts with this, so a leaked one is recognisable (secret scanners, logs). */
    public static final String PREFIX = "rel_";
    private static final int SECRET_BYTES = 32;
    private static final int HINT_LENGTH = PREFIX.length() + 6;

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ApiTokenService(ApiTokenRepository tokens, UserRepository users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    /** Creates a token for the actor; the returned secret is shown once and never again. */
    public IssuedToken create(String name, ApiScope scope, Actor actor) {
        byte[] bytes = new byte[SECRET_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiToken token = tokens.save(new ApiToken(actor.userId(), name, scope, hash(secret),
                secret.substring(0, HINT_LENGTH), clock.instant()));
        return new IssuedToken(token, secret);
    }

    /** The actor's tokens, newest first, revoked ones included. */
    @Transactional(readOnly = true)
    public List<ApiToken> mine(Actor actor) {
        return tokens.findByUserIdOrderByCreatedAtDescIdDesc(actor.userId());
    }

    /** Revokes one of the actor's tokens; someone else's is as unknown as a missing one. */
    public ApiToken revoke(long tokenId, Actor actor) {
        ApiToken token = tokens.findById(tokenId).filter(t -> t.userId() == actor.userId())
                .orElseThrow(() -> new NotFoundException("ApiToken", tokenId));
        token.revoke(clock.instant());
        return token;
    }

    /** The caller behind a secret, if it is a live token of an enabled user; notes the use. */
    public Optional<ApiCaller> authenticate(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        Optional<ApiToken> found = tokens.findByTokenHash(hash(secret)).filter(token -> !token.revoked());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiToken token = found.get();
        Optional<User> user = users.findById(token.userId()).filter(User::enabled);
        if (user.isPresent()) {
            Instant now = clock.instant();
            tokens.markUsed(token.id(), now, now.minus(ApiToken.LAST_USED_PRECISION));
        }
        return user.map(u -> new ApiCaller(u, token.id(), token.scope()));
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
