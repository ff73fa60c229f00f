package org.relationcrm.team;

import java.security.SecureRandom;

/** A password made up for someone (the first administrator, a reset): random, without look-alike characters. */
public final class GeneratedPassword {

    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPassword() {
    }

    /** {@code length} characters out of 56: 20 of them are about 116 bits. */
    public static String of(int length) {
        StringBuilder password = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
