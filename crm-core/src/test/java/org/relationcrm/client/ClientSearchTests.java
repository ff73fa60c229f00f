package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSearchTests {

    private static ClientSearch text(String text) {
        return new ClientSearch(text, null, null, null);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t\n", "\u2003"})
    void blankTextMeansNoText(String blank) {
        ClientSearch search = text(blank);

        assertThat(search.text()).isNull();
        assertThat(search.hasText()).isFalse();
    }

    @Test
    void textIsStripped() {
        ClientSearch search = text("  Dupont \t");

        assertThat(search.text()).isEqualTo("Dupont");
        assertThat(search.hasText()).isTrue();
    }

    @Test
    void textOf100CharactersIsKept() {
        String hundred = "a".repeat(100);

        assertThat(text(hundred).text()).isEqualTo(hundred);
    }

    @Test
    void textIsCappedAt100Characters() {
        assertThat(text("a".repeat(99) + "bcdef").text()).isEqualTo("a".repeat(99) + "b");
    }

    @Test
    void textIsStrippedBeforeBeingCapped() {
        assertThat(text("     " + "x".repeat(100) + "yyy").text()).isEqualTo("x".repeat(100));
    }

    @Test
    void otherCriteriaAreKept() {
        ClientSearch search = new ClientSearch("acme", CompanyStatus.CUSTOMER, 5L, ClientKind.COMPANY);

        assertThat(search.status()).isEqualTo(CompanyStatus.CUSTOMER);
        assertThat(search.ownerId()).isEqualTo(5L);
        assertThat(search.kind()).isEqualTo(ClientKind.COMPANY);
    }

    @Test
    void everythingHasNoCriteria() {
        assertThat(ClientSearch.everything()).isEqualTo(new ClientSearch(null, null, null, null));
        assertThat(ClientSearch.everything().hasText()).isFalse();
    }

    @Test
    void shortTextsAreAlwaysMatchedByTheStartOfTheName() {
        assertThat(text("du").match()).isEqualTo(ClientSearch.Match.STARTS_WITH);
        assertThat(text("du").matching(ClientSearch.Match.ANYWHERE).match()).isEqualTo(ClientSearch.Match.STARTS_WITH);
        assertThat(text("du").canWiden()).isFalse();
    }

    @Test
    void anAutomaticSearchStartsWithNamesButDigitsAnywhere() {
        assertThat(text("dupont").match()).isNull();
        assertThat(text("dupont").firstMatch()).isEqualTo(ClientSearch.Match.STARTS_WITH);
        assertThat(text("06 12 34").firstMatch()).isEqualTo(ClientSearch.Match.ANYWHERE);
        assertThat(text("dupont").matching(ClientSearch.Match.STARTS_WITH).canWiden()).isTrue();
    }

    @Test
    void withoutTextThereIsNothingToMatch() {
        assertThat(new ClientSearch(" ", null, null, null, ClientSearch.Match.ANYWHERE).match()).isNull();
    }

    @Test
    void anAtSignMakesAnEmailSearch() {
        assertThat(text("anne@acme").isEmail()).isTrue();
        assertThat(text("anne").isEmail()).isFalse();
    }
}
