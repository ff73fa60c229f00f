package org.relationcrm.mailbox;

import java.util.Locale;

/** An address of an email, lower-cased (people's and users' emails are compared so), and the name shown with it. */
public record EmailAddress(String address, String name) {

    /** The longest address an email may carry (RFC 5321: 64 + 1 + 255). */
    public static final int MAX_ADDRESS = 320;

    public EmailAddress {
        if (address == null || address.isBlank() || address.strip().length() > MAX_ADDRESS) {
            throw new IllegalArgumentException("an email address is 1 to " + MAX_ADDRESS + " characters");
        }
        address = IncomingEmail.clean(address).strip().toLowerCase(Locale.ROOT);
        name = IncomingEmail.clean(name);
        name = name == null || name.isBlank() ? null : name.strip();
    }

    public static EmailAddress of(String address) {
        return new EmailAddress(address, null);
    }

    /** What a page shows: the name and the address, or the address alone. */
    public String display() {
        return name == null ? address : name + " <" + address + ">";
    }
}
