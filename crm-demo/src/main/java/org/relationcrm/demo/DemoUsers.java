package org.relationcrm.demo;

import java.util.List;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Permission;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;

/**
 * The people of the demo: one user per role, plus a few more sales reps and a support agent so the data looks
 * shared between colleagues. Every one signs in with the password {@value #PASSWORD}.
 *
 * <table>
 *   <caption>Demo users</caption>
 *   <tr><th>username</th><th>name</th><th>role</th><th>department</th></tr>
 *   <tr><td>sales</td><td>Sophie Martin</td><td>SALES</td><td>SALES</td></tr>
 *   <tr><td>support</td><td>Karim Benali</td><td>SUPPORT</td><td>SUPPORT</td></tr>
 *   <tr><td>adv</td><td>Claire Dubois</td><td>ADV</td><td>ADV</td></tr>
 *   <tr><td>manager</td><td>Julien Moreau</td><td>MANAGER</td><td>MANAGEMENT</td></tr>
 *   <tr><td>admin</td><td>Admin Relation</td><td>ADMIN</td><td>MANAGEMENT</td></tr>
 *   <tr><td>sales2</td><td>Amélie Rousseau</td><td>SALES</td><td>SALES</td></tr>
 *   <tr><td>sales3</td><td>Thomas Lefèvre</td><td>SALES</td><td>SALES</td></tr>
 *   <tr><td>sales4</td><td>Nadia Haddad</td><td>SALES</td><td>SALES</td></tr>
 *   <tr><td>support2</td><td>Hugo Fontaine</td><td>SUPPORT</td><td>SUPPORT</td></tr>
 * </table>
 */
public final class DemoUsers {

    /** The password of every demo user. */
    public static final String PASSWORD = "relation-demo";

    public record DemoUser(String username, String fullName, Role role, Department department) {
    }

    public static final List<DemoUser> ALL = List.of(
            new DemoUser("sales", "Sophie Martin", Role.SALES, Department.SALES),
            new DemoUser("support", "Karim Benali", Role.SUPPORT, Department.SUPPORT),
            new DemoUser("adv", "Claire Dubois", Role.ADV, Department.ADV),
            new DemoUser("manager", "Julien Moreau", Role.MANAGER, Department.MANAGEMENT),
            new DemoUser("admin", "Admin Relation", Role.ADMIN, Department.MANAGEMENT),
            new DemoUser("sales2", "Amélie Rousseau", Role.SALES, Department.SALES),
            new DemoUser("sales3", "Thomas Lefèvre", Role.SALES, Department.SALES),
            new DemoUser("sales4", "Nadia Haddad", Role.SALES, Department.SALES),
            new DemoUser("support2", "Hugo Fontaine", Role.SUPPORT, Department.SUPPORT));

    private DemoUsers() {
    }

    /** Creates every demo user through the user service (so passwords are hashed as for anyone else). */
    public static List<User> create(UserService users) {
        return ALL.stream()
                .map(u -> users.create(u.username(), PASSWORD, u.fullName(), u.role(), u.department()))
                .toList();
    }

    /**
     * The users generated data is shared between: every enabled user allowed to log interactions (not the
     * administrators), with their department.
     */
    public static List<GenerationPlan.Staff> staffAmong(List<User> users) {
        return users.stream()
                .filter(User::enabled)
                .filter(u -> u.role().grants(Permission.LOG_INTERACTIONS))
                .map(u -> new GenerationPlan.Staff(u.id(), u.department()))
                .toList();
    }
}
