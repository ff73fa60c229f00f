package org.relationcrm.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;

import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.client.ContactDetails;
import org.relationcrm.client.Civility;
import org.relationcrm.client.Consent;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/** Builders for the data a test creates for itself, with unique names so tests never see each other's rows. */
public final class TestData {

    private TestData() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * That many calendar days before now, at the same time of day in the clock's time zone (the app's), as the lists
     * count days: 524 times 24 hours from 23:30 in December lands on the next day in summer (daylight saving time).
     */
    public static Instant calendarDaysAgo(Clock clock, int days) {
        return ZonedDateTime.now(clock).minusDays(days).toInstant();
    }

    public static User user(UserService users, Role role, Department department) {
        return users.create(unique(role.name().toLowerCase()), "a-long-password", unique("User"), role, department);
    }

    public static CompanyDetails company(String name, long ownerId) {
        return new CompanyDetails(name, null, "Industrie", null, null, null, "Lyon", "France", null, null,
                CompanyStatus.CUSTOMER, ownerId, null);
    }

    public static ContactDetails person(String firstName, String lastName, String email) {
        return new ContactDetails(Civility.MRS, firstName, lastName, null, "Acheteuse", email, "06 12 34 56 78", null,
                null, Channel.EMAIL, "fr", null, null, null, new Consent(true, true, false, false));
    }
}
