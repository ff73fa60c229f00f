package org.relationcrm.team;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RoleTests {

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES", "SUPPORT", "ADV", "MANAGER"})
    void everyoneWhoTalksToClientsCanLogInteractions(Role role) {
        assertThat(role.canLogInteractions()).isTrue();
    }

    @Test
    void adminCannotLogInteractions() {
        assertThat(Role.ADMIN.canLogInteractions()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES", "ADV", "MANAGER", "ADMIN"})
    void thoseWhoBringOrRegisterClientsCanCreateCompanies(Role role) {
        assertThat(role.canCreateCompanies()).isTrue();
    }

    @Test
    void supportCannotCreateCompanies() {
        assertThat(Role.SUPPORT.canCreateCompanies()).isFalse();
    }

    @Test
    void thereAreFiveRoles() {
        assertThat(Role.values()).containsExactly(Role.SALES, Role.SUPPORT, Role.ADV, Role.MANAGER, Role.ADMIN);
    }
}
