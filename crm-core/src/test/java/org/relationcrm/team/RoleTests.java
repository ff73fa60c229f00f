package org.relationcrm.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The whole role → permission table, as the rules stood when it replaced the role comparisons of SecurityConfig,
 * the services and the templates. Changing who may do what means changing this picture on purpose.
 */
class RoleTests {

    private static final String MATRIX = """
                                        SALES SUPPORT ADV MANAGER ADMIN
            LOG_INTERACTIONS              x      x     x     x
            MANAGE_TEAM_FOLLOW_UPS                           x
            REGISTER_COMPANIES            x            x     x      x
            EDIT_ANY_COMPANY                                 x      x
            MANAGE_DEALS                  x                  x
            MANAGE_ALL_DEALS                                 x
            VIEW_PIPELINE_BOARD           x                  x
            VIEW_DASHBOARDS                                  x
            APPROVE_CONCESSIONS                              x
            RECORD_COMPLAINTS             x      x     x     x
            HANDLE_COMPLAINTS                    x           x
            HANDLE_ESCALATED_COMPLAINTS                      x
            SEND_SURVEYS                  x      x           x
            MANAGE_HELD_PRODUCT_LINES                  x
            REFRESH_RISK                                     x
            ADMINISTER_USERS                                        x
            ADMINISTER_CATALOG                                      x
            MANAGE_ORDERS                              x            x
            PLACE_ORDERS                  x            x            x
            SEND_REQUESTS                 x      x     x     x
            ANSWER_REQUESTS               x      x     x     x
            VIEW_REQUEST_FIGURES                             x      x
            ADMINISTER_SERVICE_LEVELS                               x
            MANAGE_PLAYBOOKS                                 x      x
            COACH_TEAM                                       x      x
            USE_SEGMENTS                  x      x     x     x      x
            EXPORT_SEGMENTS               x                  x      x
            VIEW_KPIS                                        x      x
            ENTER_ACQUISITION_COSTS                                 x
            OPERATE                                                 x
            MERGE_CLIENTS                                    x      x
            HANDLE_PRIVACY_REQUESTS                          x      x
            VIEW_CHANGE_HISTORY                              x      x
            VIEW_AUDIT_LOG                                          x
            IMPORT_DATA                                x     x      x
            EXPORT_LISTS                  x            x     x      x
            """;

    @Test
    void everyRoleGrantsExactlyThePermissionsOfTheTable() {
        assertThat(matrix()).isEqualTo(MATRIX);
    }

    @Test
    void anActorCanWhatTheirRoleGrants() {
        for (Role role : Role.values()) {
            Actor actor = new Actor(1L, role, org.relationcrm.shared.Department.SALES);
            for (Permission permission : Permission.values()) {
                assertThat(actor.can(permission)).as(role + " " + permission).isEqualTo(role.grants(permission));
            }
        }
    }

    @Test
    void thePermissionsOfARoleCannotBeChangedFromOutside() {
        Role.SALES.permissions().add(Permission.ADMINISTER_USERS);

        assertThat(Role.SALES.grants(Permission.ADMINISTER_USERS)).isFalse();
    }

    @Test
    void thereAreFiveRoles() {
        assertThat(Role.values()).containsExactly(Role.SALES, Role.SUPPORT, Role.ADV, Role.MANAGER, Role.ADMIN);
    }

    /** The table as RoleTests.MATRIX draws it: one line per permission, an x under each role that grants it. */
    private static String matrix() {
        StringBuilder out = new StringBuilder(" ".repeat(28));
        out.append(Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(" "))).append('\n');
        for (Permission permission : Permission.values()) {
            StringBuilder line = new StringBuilder(String.format("%-28s", permission.name()));
            for (Role role : Role.values()) {
                int width = role.name().length() + 1;
                String mark = role.grants(permission) ? "x" : " ";
                // the x sits under the middle of the role's name
                int left = (role.name().length() - 1) / 2;
                line.append(" ".repeat(left)).append(mark).append(" ".repeat(width - left - 1));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
