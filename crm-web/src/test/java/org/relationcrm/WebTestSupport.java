package org.relationcrm;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.shared.Department;
import org.relationcrm.team.Role;
import org.relationcrm.team.User;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.TestData;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Users and clients that web tests create for themselves, signed in as Spring Security would sign them in. */
public final class WebTestSupport {

    public static final String PASSWORD = "a-long-password";

    private final UserService users;
    private final UserDetailsService userDetails;
    private final ClientService clients;

    public WebTestSupport(UserService users, UserDetailsService userDetails, ClientService clients) {
        this.users = users;
        this.userDetails = userDetails;
        this.clients = clients;
    }

    public User newUser(Role role) {
        Department department = switch (role) {
            case SALES -> Department.SALES;
            case SUPPORT -> Department.SUPPORT;
            case ADV -> Department.ADV;
            case MANAGER, ADMIN -> Department.MANAGEMENT;
        };
        return users.create(TestData.unique(role.name().toLowerCase()), PASSWORD, TestData.unique("Person"), role,
                department);
    }

    public RequestPostProcessor as(User user) {
        UserDetails details = userDetails.loadUserByUsername(user.username());
        return user(details);
    }

    public Company companyOwnedBy(User owner) {
        return clients.createCompany(TestData.company(TestData.unique("Société"), owner.id()), owner.asActor());
    }
}
