package org.relationcrm.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;

class ActorTests {

    @Test
    void actorIsOnlyTheirOwnRole() {
        Actor manager = new Actor(1L, Role.MANAGER, Department.MANAGEMENT);

        assertThat(manager.is(Role.MANAGER)).isTrue();
        assertThat(manager.is(Role.ADMIN)).isFalse();
        assertThat(manager.is(Role.SALES)).isFalse();
    }

    @Test
    void roleAndDepartmentAreRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Actor(1L, null, Department.SALES));
        assertThatNullPointerException().isThrownBy(() -> new Actor(1L, Role.SALES, null));
    }
}
