package org.relationcrm.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class DataCompletenessTests {

    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Instant YESTERDAY = NOW.minus(Duration.ofDays(1));
    private static final Instant CLIENT_SINCE_LONG_AGO = NOW.minus(Duration.ofDays(400));

    private static CompletenessFacts everything() {
        return new CompletenessFacts(true, true, true, true, true, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO);
    }

    private static CompletenessFacts nothing() {
        return new CompletenessFacts(false, false, false, false, false, false, false, false, null, CLIENT_SINCE_LONG_AGO);
    }

    private static CompletenessFacts lastTalkedTo(Instant when) {
        return new CompletenessFacts(true, true, true, true, true, true, true, true, when, CLIENT_SINCE_LONG_AGO);
    }

    @Test
    void recordWithEverythingScores100AndMissesNothing() {
        DataCompleteness completeness = DataCompleteness.of(everything(), NOW);

        assertThat(completeness.score()).isEqualTo(100);
        assertThat(completeness.missing()).isEmpty();
        assertThat(completeness.isComplete()).isTrue();
    }

    @Test
    void weightsAddUpTo100() {
        assertThat(Arrays.stream(MissingItem.values()).mapToInt(MissingItem::weight).sum()).isEqualTo(100);
    }

    @Test
    void recordWithNothingScores0AndMissesEverythingMostImportantFirst() {
        DataCompleteness completeness = DataCompleteness.of(nothing(), NOW);

        assertThat(completeness.score()).isZero();
        assertThat(completeness.missing()).containsExactly(MissingItem.values());
        assertThat(completeness.isComplete()).isFalse();
    }

    @Test
    void missingItemsAreListedFromMostToLeastImportant() {
        assertThat(Arrays.stream(MissingItem.values()).map(MissingItem::weight).toList())
                .isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void noContactRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, true, true, false, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_CONTACT);
    }

    @Test
    void noMainContactEmailRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, true, true, true, false, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_MAIN_CONTACT_EMAIL);
    }

    @Test
    void noMainContactPhoneRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, true, true, true, true, false, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_MAIN_CONTACT_PHONE);
    }

    @Test
    void noPreferredChannelRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, true, true, true, true, true, false, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_PREFERRED_CHANNEL);
    }

    @Test
    void noSectorRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(false, true, true, true, true, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_SECTOR);
    }

    @Test
    void noCityRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, false, true, true, true, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_CITY);
    }

    @Test
    void noLegalIdRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, false, true, true, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_LEGAL_ID);
    }

    @Test
    void noWebsiteRemovesItsWeight() {
        assertOnlyMissing(new CompletenessFacts(true, true, true, false, true, true, true, true, YESTERDAY, CLIENT_SINCE_LONG_AGO),
                MissingItem.NO_WEBSITE);
    }

    @Test
    void neverTalkedToRemovesTheRecentInteractionWeight() {
        assertOnlyMissing(lastTalkedTo(null), MissingItem.NO_RECENT_INTERACTION);
    }

    @Test
    void noInteractionForMoreThan90DaysCountsAsMissing() {
        assertOnlyMissing(lastTalkedTo(NOW.minus(Duration.ofDays(91))), MissingItem.NO_RECENT_INTERACTION);
        assertOnlyMissing(lastTalkedTo(NOW.minus(Duration.ofDays(90)).minusSeconds(1)),
                MissingItem.NO_RECENT_INTERACTION);
    }

    @Test
    void interactionExactly90DaysAgoStillCounts() {
        assertThat(DataCompleteness.of(lastTalkedTo(NOW.minus(DataCompleteness.RECENT)), NOW).isComplete()).isTrue();
    }

    @Test
    void interaction89DaysAgoIsRecent() {
        DataCompleteness completeness = DataCompleteness.of(lastTalkedTo(NOW.minus(Duration.ofDays(89))), NOW);

        assertThat(completeness.score()).isEqualTo(100);
        assertThat(completeness.missing()).isEmpty();
    }

    @Test
    void severalMissingFactsAddUpAndKeepTheImportanceOrder() {
        CompletenessFacts facts = new CompletenessFacts(true, false, true, false, true, false, true, true,
                NOW.minus(Duration.ofDays(200)), CLIENT_SINCE_LONG_AGO);

        DataCompleteness completeness = DataCompleteness.of(facts, NOW);

        assertThat(completeness.missing()).containsExactly(MissingItem.NO_MAIN_CONTACT_EMAIL, MissingItem.NO_CITY,
                MissingItem.NO_RECENT_INTERACTION, MissingItem.NO_WEBSITE);
        assertThat(completeness.score()).isEqualTo(100 - 15 - 10 - 10 - 5);
    }

    @Test
    void scoreIsAlways100MinusTheWeightsOfWhatIsMissing() {
        for (int mask = 0; mask < 1 << 9; mask++) {
            CompletenessFacts facts = new CompletenessFacts(bit(mask, 0), bit(mask, 1), bit(mask, 2), bit(mask, 3),
                    bit(mask, 4), bit(mask, 5), bit(mask, 6), bit(mask, 7), bit(mask, 8) ? YESTERDAY : null, CLIENT_SINCE_LONG_AGO);

            DataCompleteness completeness = DataCompleteness.of(facts, NOW);

            assertThat(completeness.score())
                    .isEqualTo(100 - completeness.missing().stream().mapToInt(MissingItem::weight).sum())
                    .isBetween(0, 100);
            assertThat(completeness.missing()).isSortedAccordingTo(Enum::compareTo);
        }
    }

    @Test
    void missingListCannotBeChanged() {
        DataCompleteness completeness = new DataCompleteness(90, new ArrayList<>(List.of(MissingItem.NO_CITY)));

        assertThatThrownBy(() -> completeness.missing().add(MissingItem.NO_SECTOR))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void everyMissingItemHasAMessageKey() {
        assertThat(MissingItem.NO_LEGAL_ID.messageKey()).isEqualTo("completeness.NO_LEGAL_ID");
    }

    private static boolean bit(int mask, int index) {
        return (mask & (1 << index)) != 0;
    }

    private static void assertOnlyMissing(CompletenessFacts facts, MissingItem item) {
        DataCompleteness completeness = DataCompleteness.of(facts, NOW);

        assertThat(completeness.missing()).containsExactly(item);
        assertThat(completeness.score()).isEqualTo(100 - item.weight());
    }

    @Test
    void aClientEnteredLessThan90DaysAgoIsNotYetMissingARecentInteraction() {
        CompletenessFacts brandNew = new CompletenessFacts(true, true, true, true, true, true, true, true, null,
                NOW.minusSeconds(1));
        CompletenessFacts quietSinceEntered = new CompletenessFacts(true, true, true, true, true, true, true, true,
                null, NOW.minus(Duration.ofDays(91)));

        assertThat(DataCompleteness.of(brandNew, NOW).isComplete()).isTrue();
        assertThat(DataCompleteness.of(quietSinceEntered, NOW).missing())
                .containsExactly(MissingItem.NO_RECENT_INTERACTION);
    }
}
