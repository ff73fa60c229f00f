package org.relationcrm.team;

/**
 * A user chose a new password. Published after it is saved, so that every session opened with the old one (another
 * browser, a lost phone) ends: only who knows the new password stays signed in.
 */
public record UserPasswordChanged(long userId, String username) {
}
