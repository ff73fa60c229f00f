package org.relationcrm.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;

class ActorTests {

    @Test
    void anActorMayOnlyWhatTheirRoleGrants() {
        Actor manager = new Actor(1L, Role.MANAGER, Department.MANAGEMENT);

        assertThat(manager.can(Permission.APPROVE_CONCESSIONS)).isTrue();
        assertThat(manager.can(Permission.ADMINISTER_USERS)).isFalse();
    }

    @Test
    void requiringAPermissionNotGrantedIsForbidden() {
        Actor admin = new Actor(1L, Role.ADMIN, Department.MANAGEMENT);

        admin.require(Permission.ADMINISTER_USERS);
        assertThatThrownBy(() -> admin.require(Permission.LOG_INTERACTIONS))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void roleAndDepartmentAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Actor(1L, null, Department.SALES));
        assertThatNullPointerException().isThrownBy(() -> new Actor(1L, Role.SALES, null));
    }
}
