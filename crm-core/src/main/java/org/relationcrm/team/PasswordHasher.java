package org.relationcrm.team;

/** Turns a clear password into the hash that is stored. The web module implements it with BCrypt. */
public interface PasswordHasher {

    String hash(String clearPassword);
}
