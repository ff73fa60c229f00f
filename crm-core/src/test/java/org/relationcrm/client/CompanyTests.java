package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.relationcrm.shared.Department;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class CompanyTests {

    private static final Instant CREATED = Instant.parse("2025-01-15T09:00:00Z");
    private static final long OWNER = 7L;

    private static CompanyDetails details(String name) {
        return new CompanyDetails(name, null, null, null, null, null, null, null, null, null,
                CompanyStatus.PROSPECT, OWNER, null);
    }

    private static CompanyDetails withLegalId(String legalId) {
        return new CompanyDetails("Acme", legalId, null, null, null, null, null, null, null, null,
                CompanyStatus.PROSPECT, OWNER, null);
    }

    private static Company company() {
        return new Company(details("Acme"), CREATED);
    }

    @Test
    void nameIsTrimmed() {
        Company company = new Company(details("   Acme SARL \t"), CREATED);

        assertThat(company.name()).isEqualTo("Acme SARL");
        assertThat(company.details().name()).isEqualTo("Acme SARL");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n"})
    void nameIsRequired(String name) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Company(details(name), CREATED))
                .withMessageContaining("name");
    }

    @Test
    void nameLongerThan200CharactersIsRefused() {
        assertThat(new Company(details("a".repeat(200)), CREATED).name()).hasSize(200);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Company(details("a".repeat(201)), CREATED));
    }

    @Test
    void statusIsRequired() {
        CompanyDetails noStatus = new CompanyDetails("Acme", null, null, null, null, null, null, null, null, null,
                null, OWNER, null);

        assertThatNullPointerException().isThrownBy(() -> new Company(noStatus, CREATED));
    }

    @Test
    void creationDateIsRequired() {
        assertThatNullPointerException().isThrownBy(() -> new Company(details("Acme"), null));
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        CompanyDetails blanks = new CompanyDetails("Acme", "  ", "", CompanySize.SMALL, " ", "\t", "  ", "",
                "   ", " ", CompanyStatus.CUSTOMER, OWNER, "  \n ");

        CompanyDetails stored = new Company(blanks, CREATED).details();

        assertThat(stored.legalId()).isNull();
        assertThat(stored.sector()).isNull();
        assertThat(stored.street()).isNull();
        assertThat(stored.postalCode()).isNull();
        assertThat(stored.city()).isNull();
        assertThat(stored.country()).isNull();
        assertThat(stored.website()).isNull();
        assertThat(stored.phone()).isNull();
        assertThat(stored.notes()).isNull();
        assertThat(stored.size()).isEqualTo(CompanySize.SMALL);
        assertThat(stored.status()).isEqualTo(CompanyStatus.CUSTOMER);
    }

    @Test
    void optionalFieldsAreTrimmed() {
        CompanyDetails padded = new CompanyDetails("Acme", null, " Retail ", null, " 1 rue de la Paix ", " 75002 ",
                " Paris ", " France ", " https://acme.example ", " 01 23 45 67 89 ", CompanyStatus.PROSPECT, OWNER,
                " Likes coffee ");

        CompanyDetails stored = new Company(padded, CREATED).details();

        assertThat(stored.sector()).isEqualTo("Retail");
        assertThat(stored.street()).isEqualTo("1 rue de la Paix");
        assertThat(stored.postalCode()).isEqualTo("75002");
        assertThat(stored.city()).isEqualTo("Paris");
        assertThat(stored.country()).isEqualTo("France");
        assertThat(stored.website()).isEqualTo("https://acme.example");
        assertThat(stored.phone()).isEqualTo("01 23 45 67 89");
        assertThat(stored.notes()).isEqualTo("Likes coffee");
    }

    @Test
    void optionalFieldLongerThanItsLimitIsRefused() {
        CompanyDetails longCity = new CompanyDetails("Acme", null, null, null, null, null, "c".repeat(121), null,
                null, null, CompanyStatus.PROSPECT, OWNER, null);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Company(longCity, CREATED))
                .withMessageContaining("city");
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "12345678901234"})
    void sirenOrSiretIsAccepted(String legalId) {
        assertThat(new Company(withLegalId(legalId), CREATED).details().legalId()).isEqualTo(legalId);
    }

    @Test
    void spacesInSirenAreAllowedAndRemoved() {
        assertThat(new Company(withLegalId("123 456 789"), CREATED).details().legalId()).isEqualTo("123456789");
    }

    @Test
    void spacesInSiretAreAllowedAndRemoved() {
        assertThat(new Company(withLegalId(" 123 456 789 00012 "), CREATED).details().legalId())
                .isEqualTo("12345678900012");
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345678", "1234567890", "1234567890123", "123456789012345", "12345678A",
            "FR123456789", "123-456-789", "123.456.789", "１２３４５６７８９"})
    void legalIdThatIsNeitherSirenNorSiretIsRefused(String legalId) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new Company(withLegalId(legalId), CREATED))
                .withMessageContaining("legalId");
    }

    @Test
    void ownerCanEditTheirCompanyWhateverTheirRole() {
        Company company = company();

        for (Role role : Role.values()) {
            assertThat(company.canBeEditedBy(new Actor(OWNER, role, Department.SALES))).as(role.name()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"MANAGER", "ADMIN"})
    void managerAndAdminCanEditAnyCompany(Role role) {
        assertThat(company().canBeEditedBy(new Actor(OWNER + 1, role, Department.MANAGEMENT))).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"SALES", "SUPPORT", "ADV"})
    void otherSalesSupportOrAdvCannotEditSomeoneElsesCompany(Role role) {
        assertThat(company().canBeEditedBy(new Actor(OWNER + 1, role, Department.SALES))).isFalse();
    }

    @Test
    void reviseReplacesTheDetails() {
        Company company = new Company(new CompanyDetails("Acme", "123456789", "Retail", CompanySize.SMALL,
                "1 rue de la Paix", "75002", "Paris", "France", "https://acme.example", "0123456789",
                CompanyStatus.PROSPECT, OWNER, "first notes"), CREATED);
        CompanyDetails revised = new CompanyDetails("Acme Group", "12345678900012", null, CompanySize.LARGE,
                null, null, "Lyon", null, null, null, CompanyStatus.CUSTOMER, 9L, null);

        company.revise(revised);

        assertThat(company.details()).isEqualTo(revised);
        assertThat(company.name()).isEqualTo("Acme Group");
        assertThat(company.status()).isEqualTo(CompanyStatus.CUSTOMER);
        assertThat(company.ownerId()).isEqualTo(9L);
        assertThat(company.createdAt()).isEqualTo(CREATED);
    }

    @Test
    void reviseAppliesTheSameRules() {
        Company company = company();

        assertThatIllegalArgumentException().isThrownBy(() -> company.revise(details(" ")));
        assertThatIllegalArgumentException().isThrownBy(() -> company.revise(withLegalId("12")));
        assertThat(company.name()).isEqualTo("Acme");
    }

    @Test
    void newOwnerCanEditAfterRevisionAndFormerOwnerCannot() {
        Company company = company();
        company.revise(new CompanyDetails("Acme", null, null, null, null, null, null, null, null, null,
                CompanyStatus.PROSPECT, 9L, null));

        assertThat(company.canBeEditedBy(new Actor(9L, Role.SALES, Department.SALES))).isTrue();
        assertThat(company.canBeEditedBy(new Actor(OWNER, Role.SALES, Department.SALES))).isFalse();
    }
}
