package org.relationcrm.api;

/** A token just created, with its secret: the only time the secret is known. */
public record IssuedToken(ApiToken token, String secret) {
}
