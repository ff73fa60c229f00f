package org.relationcrm.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.relationcrm.shared.Department;

class UserTests {

    private static User user(String username) {
        return new User(username, "$2a$10$hash", "Jeanne Martin", Role.SALES, Department.SALES);
    }

    @Test
    void usernameIsLowerCasedAndTrimmed() {
        assertThat(user("  JMartin ").username()).isEqualTo("jmartin");
    }

    @Test
    void fullNameIsTrimmedButKeepsItsCase() {
        User user = new User("jmartin", "hash", "  Jeanne Martin ", Role.SALES, Department.SALES);

        assertThat(user.fullName()).isEqualTo("Jeanne Martin");
    }

    @Test
    void newUserIsEnabledWithItsRoleAndDepartment() {
        User user = new User("jmartin", "hash", "Jeanne Martin", Role.SUPPORT, Department.ADV);

        assertThat(user.enabled()).isTrue();
        assertThat(user.role()).isEqualTo(Role.SUPPORT);
        assertThat(user.department()).isEqualTo(Department.ADV);
        assertThat(user.passwordHash()).isEqualTo("hash");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankUsernameIsRefused(String username) {
        assertThatIllegalArgumentException().isThrownBy(() -> user(username)).withMessageContaining("username");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankPasswordHashIsRefused(String hash) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new User("jmartin", hash, "Jeanne Martin", Role.SALES, Department.SALES))
                .withMessageContaining("passwordHash");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void blankFullNameIsRefused(String fullName) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new User("jmartin", "hash", fullName, Role.SALES, Department.SALES))
                .withMessageContaining("fullName");
    }

    @Test
    void roleAndDepartmentAreRequired() {
        assertThatNullPointerException()
                .isThrownBy(() -> new User("jmartin", "hash", "Jeanne Martin", null, Department.SALES));
        assertThatNullPointerException()
                .isThrownBy(() -> new User("jmartin", "hash", "Jeanne Martin", Role.SALES, null));
    }

    @Test
    void assigningChangesRoleAndDepartment() {
        User user = user("jmartin");

        user.assign(Role.MANAGER, Department.MANAGEMENT);

        assertThat(user.role()).isEqualTo(Role.MANAGER);
        assertThat(user.department()).isEqualTo(Department.MANAGEMENT);
    }

    @Test
    void assigningNoRoleOrNoDepartmentIsRefused() {
        User user = user("jmartin");

        assertThatNullPointerException().isThrownBy(() -> user.assign(null, Department.SALES));
        assertThatNullPointerException().isThrownBy(() -> user.assign(Role.SALES, null));
        assertThat(user.role()).isEqualTo(Role.SALES);
    }

    @Test
    void blankNewPasswordHashIsRefused() {
        User user = user("jmartin");

        assertThatIllegalArgumentException().isThrownBy(() -> user.changePasswordHash(" "));
        user.changePasswordHash("new-hash");

        assertThat(user.passwordHash()).isEqualTo("new-hash");
    }

    @Test
    void userCanBeDisabledAndEnabledAgain() {
        User user = user("jmartin");

        user.disable();
        assertThat(user.enabled()).isFalse();

        user.enable();
        assertThat(user.enabled()).isTrue();
    }

    @Test
    void aResetPasswordMustBeReplacedAndTheUsersOwnChoiceClearsThat() {
        User user = user("jmartin");
        user.resetPasswordHash("temporary-hash");
        assertThat(user.mustChangePassword()).isTrue();

        user.changePasswordHash("own-hash");

        assertThat(user.mustChangePassword()).isFalse();
        assertThat(user.passwordHash()).isEqualTo("own-hash");
    }

    @Test
    void renamingLowerCasesTheUsernameAndDropsABlankEmail() {
        User user = user("jmartin");
        user.rename(" JDurand ", " Jeanne Durand ", "  ");

        assertThat(user.username()).isEqualTo("jdurand");
        assertThat(user.fullName()).isEqualTo("Jeanne Durand");
        assertThat(user.email()).isNull();
    }
}
