package org.relationcrm.interaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.relationcrm.shared.Channel;
import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.RuleViolation.Broken;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class InteractionTests {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NOW = Instant.parse("2025-06-15T10:00:00Z");
    private static final Instant AN_HOUR_AGO = NOW.minus(Duration.ofHours(1));
    private static final Actor SALES = new Actor(11L, Role.SALES, Department.SALES);
    private static final Actor SUPPORT = new Actor(12L, Role.SUPPORT, Department.SUPPORT);

    private static LogInteraction entry(Long companyId, Set<Long> contactIds) {
        return new LogInteraction(companyId, contactIds, Channel.PHONE, Direction.OUTBOUND, AN_HOUR_AGO,
                "Call about renewal", null, null, null, null, null);
    }

    private static LogInteraction at(Instant occurredAt) {
        return new LogInteraction(1L, null, Channel.PHONE, Direction.OUTBOUND, occurredAt,
                "Call", null, null, null, null, null);
    }

    private static LogInteraction nextStep(Instant occurredAt, String action, LocalDate due) {
        return new LogInteraction(1L, null, Channel.MEETING, Direction.OUTBOUND, occurredAt,
                "Meeting", null, null, null, action, due);
    }

    private static LogInteraction withSubject(String subject) {
        return new LogInteraction(1L, null, Channel.EMAIL, Direction.INBOUND, AN_HOUR_AGO, subject,
                null, null, null, null, null);
    }

    private static LogInteraction withSummary(String summary) {
        return new LogInteraction(1L, null, Channel.EMAIL, Direction.INBOUND, AN_HOUR_AGO, "Mail",
                summary, null, null, null, null);
    }

    private static List<Broken> broken(LogInteraction entry) {
        return catchThrowableOfType(RuleViolation.class, () -> log(entry)).broken();
    }

    private static Interaction log(LogInteraction entry) {
        return Interaction.log(entry, SALES, NOW, PARIS);
    }

    private static Interaction withOpenNextStep() {
        return log(nextStep(AN_HOUR_AGO, "Send the quote", LocalDate.of(2025, 6, 20)));
    }

    private static Set<Long> people(int count) {
        return LongStream.rangeClosed(1, count).boxed().collect(Collectors.toSet());
    }

    @Test
    void interactionIsRecordedAsWritten() {
        LogInteraction entry = new LogInteraction(1L, Set.of(2L, 3L), Channel.VISIT, Direction.INBOUND, AN_HOUR_AGO,
                "  Visit at the shop ", " They want more ", " Quote to send ", Sentiment.POSITIVE, null, null);

        Interaction interaction = log(entry);

        assertThat(interaction.companyId()).isEqualTo(1L);
        assertThat(interaction.contactIds()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(interaction.channel()).isEqualTo(Channel.VISIT);
        assertThat(interaction.direction()).isEqualTo(Direction.INBOUND);
        assertThat(interaction.occurredAt()).isEqualTo(AN_HOUR_AGO);
        assertThat(interaction.subject()).isEqualTo("Visit at the shop");
        assertThat(interaction.summary()).isEqualTo("They want more");
        assertThat(interaction.outcome()).isEqualTo("Quote to send");
        assertThat(interaction.sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(interaction.nextStep()).isNull();
        assertThat(interaction.authorId()).isEqualTo(SALES.userId());
    }

    @Test
    void interactionNeedsACompanyOrAtLeastOnePerson() {
        assertThatIllegalArgumentException().isThrownBy(() -> log(entry(null, null)));
        assertThatIllegalArgumentException().isThrownBy(() -> log(entry(null, Set.of())));
    }

    @Test
    void interactionWithACompanyAloneIsAccepted() {
        assertThat(log(entry(5L, null)).contactIds()).isEmpty();
    }

    @Test
    void interactionWithAPrivateCustomerAloneIsAccepted() {
        Interaction interaction = log(entry(null, Set.of(8L)));

        assertThat(interaction.companyId()).isNull();
        assertThat(interaction.contactIds()).containsExactly(8L);
    }

    @Test
    void channelIsRequired() {
        LogInteraction noChannel = new LogInteraction(1L, null, null, Direction.OUTBOUND, AN_HOUR_AGO, "Call",
                null, null, null, null, null);

        assertThatIllegalArgumentException().isThrownBy(() -> log(noChannel)).withMessageContaining("channel");
    }

    @Test
    void directionIsRequired() {
        LogInteraction noDirection = new LogInteraction(1L, null, Channel.PHONE, null, AN_HOUR_AGO, "Call",
                null, null, null, null, null);

        assertThatIllegalArgumentException().isThrownBy(() -> log(noDirection)).withMessageContaining("direction");
    }

    @Test
    void occurrenceDateIsRequired() {
        assertThatIllegalArgumentException().isThrownBy(() -> log(at(null))).withMessageContaining("occurredAt");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\n"})
    void subjectIsRequired(String subject) {
        assertThatIllegalArgumentException().isThrownBy(() -> log(withSubject(subject)))
                .withMessageContaining("subject");
    }

    @Test
    void subjectLongerThan200CharactersIsRefused() {
        assertThat(log(withSubject("s".repeat(200))).subject()).hasSize(200);
        assertThatIllegalArgumentException().isThrownBy(() -> log(withSubject("s".repeat(201))));
    }

    @Test
    void interactionCannotHappenInTheFuture() {
        assertThatIllegalArgumentException().isThrownBy(() -> log(at(NOW.plus(Duration.ofHours(1)))))
                .withMessageContaining("future");
    }

    @Test
    void interactionJustBeyondTheClockSkewToleranceIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(at(NOW.plus(Duration.ofMinutes(5)).plusMillis(1))));
    }

    @Test
    void interactionSlightlyInTheFutureIsAcceptedForClockSkew() {
        assertThat(log(at(NOW.plus(Duration.ofMinutes(2)))).occurredAt()).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(log(at(NOW.plus(Duration.ofMinutes(5)))).occurredAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void interactionLoggedNowOrLongAgoIsAccepted() {
        assertThat(log(at(NOW)).occurredAt()).isEqualTo(NOW);
        assertThat(log(at(Instant.parse("2010-01-01T00:00:00Z"))).occurredAt())
                .isEqualTo(Instant.parse("2010-01-01T00:00:00Z"));
    }

    @Test
    void nextStepIsRecorded() {
        Interaction interaction = log(nextStep(AN_HOUR_AGO, "  Send the quote ", LocalDate.of(2025, 6, 20)));

        assertThat(interaction.nextStep()).isNotNull();
        assertThat(interaction.nextStep().action()).isEqualTo("Send the quote");
        assertThat(interaction.nextStep().dueOn()).isEqualTo(LocalDate.of(2025, 6, 20));
        assertThat(interaction.nextStep().isDone()).isFalse();
        assertThat(interaction.nextStep().doneAt()).isNull();
        assertThat(interaction.nextStep().doneBy()).isNull();
    }

    @Test
    void nextStepNeedsBothActionAndDueDate() {
        assertThat(broken(nextStep(AN_HOUR_AGO, "Send the quote", null)))
                .containsExactly(new Broken("nextStepDue", "interaction.nextStep.dueRequired", List.of()));
        assertThat(broken(nextStep(AN_HOUR_AGO, null, LocalDate.of(2025, 6, 20))))
                .containsExactly(new Broken("nextStepAction", "interaction.nextStep.actionRequired", List.of()));
    }

    @Test
    void everyBrokenRuleIsToldAtOnceNamingItsFieldAndMessage() {
        LogInteraction everythingWrong = new LogInteraction(1L, null, Channel.PHONE, Direction.OUTBOUND,
                NOW.plus(Duration.ofDays(2)), " ", null, "o".repeat(Interaction.MAX_OUTCOME + 1), null, null,
                LocalDate.of(2025, 6, 1));

        assertThat(broken(everythingWrong)).containsExactly(
                new Broken("occurredAt", "interaction.occurredAt.future", List.of()),
                new Broken("subject", RuleViolation.REQUIRED, List.of()),
                new Broken("outcome", RuleViolation.TOO_LONG, List.of("outcome", Interaction.MAX_OUTCOME, 0)),
                new Broken("nextStepAction", "interaction.nextStep.actionRequired", List.of()),
                new Broken("nextStepDue", "interaction.nextStep.beforeInteraction", List.of()));
    }

    @Test
    void blankNextStepActionWithADueDateIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(nextStep(AN_HOUR_AGO, "   ", LocalDate.of(2025, 6, 20))));
    }

    @Test
    void nextStepActionLongerThan500CharactersIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(nextStep(AN_HOUR_AGO, "a".repeat(501), LocalDate.of(2025, 6, 20))));
    }

    @Test
    void nextStepCanBeDueOnTheDayOfTheInteraction() {
        assertThat(log(nextStep(AN_HOUR_AGO, "Call back", LocalDate.of(2025, 6, 15))).nextStep().dueOn())
                .isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void nextStepCannotBeDueBeforeTheInteraction() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(nextStep(AN_HOUR_AGO, "Call back", LocalDate.of(2025, 6, 14))))
                .withMessageContaining("before");
    }

    @Test
    void nextStepDueDateIsComparedWithTheLocalDateOfTheInteraction() {
        // 23:30 UTC on the 14th is already 01:30 on the 15th in Paris (summer time).
        Instant lateEvening = Instant.parse("2025-06-14T23:30:00Z");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(nextStep(lateEvening, "Call back", LocalDate.of(2025, 6, 14))));
        assertThat(log(nextStep(lateEvening, "Call back", LocalDate.of(2025, 6, 15))).nextStep().dueOn())
                .isEqualTo(LocalDate.of(2025, 6, 15));
    }

    @Test
    void dueDateBoundaryIsTheCompanyTimeZoneNotUtc() {
        // 22:30 UTC on the 14th is 00:30 on the 15th in Paris; in UTC the same instant is still the 14th.
        Instant justAfterMidnightInParis = Instant.parse("2025-06-14T22:30:00Z");
        LogInteraction dueOn14th = nextStep(justAfterMidnightInParis, "Call back", LocalDate.of(2025, 6, 14));

        assertThatIllegalArgumentException().isThrownBy(() -> Interaction.log(dueOn14th, SALES, NOW, PARIS));
        assertThat(Interaction.log(dueOn14th, SALES, NOW, ZoneId.of("UTC")).nextStep().dueOn())
                .isEqualTo(LocalDate.of(2025, 6, 14));
    }

    @Test
    void nextStepDueDateBoundaryFollowsWinterTimeToo() {
        // 23:30 UTC on 10 January is 00:30 on 11 January in Paris (UTC+1).
        Instant afterMidnightInParis = Instant.parse("2025-01-10T23:30:00Z");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> log(nextStep(afterMidnightInParis, "Call back", LocalDate.of(2025, 1, 10))));
        assertThat(log(nextStep(afterMidnightInParis, "Call back", LocalDate.of(2025, 1, 11))).nextStep().dueOn())
                .isEqualTo(LocalDate.of(2025, 1, 11));
    }

    @Test
    void interactionLateInTheParisEveningCanHaveItsNextStepThatSameDay() {
        // 21:59 UTC on 14 June is 23:59 on 14 June in Paris.
        Instant lateEvening = Instant.parse("2025-06-14T21:59:00Z");

        assertThat(log(nextStep(lateEvening, "Call back", LocalDate.of(2025, 6, 14))).nextStep().dueOn())
                .isEqualTo(LocalDate.of(2025, 6, 14));
    }

    @Test
    void summaryOf10000CharactersIsAccepted() {
        assertThat(log(withSummary("s".repeat(10_000))).summary()).hasSize(10_000);
    }

    @Test
    void summaryLongerThan10000CharactersIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> log(withSummary("s".repeat(10_001))))
                .withMessageContaining("summary");
    }

    @Test
    void blankSummaryAndOutcomeBecomeNull() {
        LogInteraction entry = new LogInteraction(1L, null, Channel.EMAIL, Direction.INBOUND, AN_HOUR_AGO, "Mail",
                "   ", "\t", null, null, null);

        Interaction interaction = log(entry);

        assertThat(interaction.summary()).isNull();
        assertThat(interaction.outcome()).isNull();
        assertThat(interaction.sentiment()).isNull();
    }

    @Test
    void outcomeLongerThan1000CharactersIsRefused() {
        LogInteraction entry = new LogInteraction(1L, null, Channel.EMAIL, Direction.INBOUND, AN_HOUR_AGO, "Mail",
                null, "o".repeat(1_001), null, null, null);

        assertThatIllegalArgumentException().isThrownBy(() -> log(entry)).withMessageContaining("outcome");
    }

    @Test
    void twentyPeopleAreAccepted() {
        assertThat(log(entry(1L, people(20))).contactIds()).hasSize(20);
    }

    @Test
    void moreThanTwentyPeopleAreRefused() {
        assertThat(broken(entry(1L, people(21))))
                .containsExactly(new Broken("contactIds", "interaction.contacts.tooMany", List.of(20)));
    }

    @ParameterizedTest
    @EnumSource(Department.class)
    void authorDepartmentIsRecordedFromTheActor(Department department) {
        Actor author = new Actor(33L, Role.SUPPORT, department);

        Interaction interaction = Interaction.log(entry(1L, null), author, NOW, PARIS);

        assertThat(interaction.authorId()).isEqualTo(33L);
        assertThat(interaction.authorDepartment()).isEqualTo(department);
    }

    @Test
    void completingTheNextStepRecordsWhoAndWhen() {
        Interaction interaction = withOpenNextStep();
        Instant when = NOW.plus(Duration.ofDays(2));

        interaction.completeNextStep(SUPPORT, when);

        assertThat(interaction.nextStep().isDone()).isTrue();
        assertThat(interaction.nextStep().doneBy()).isEqualTo(SUPPORT.userId());
        assertThat(interaction.nextStep().doneAt()).isEqualTo(when);
        assertThat(interaction.nextStep().action()).isEqualTo("Send the quote");
    }

    @Test
    void nextStepCannotBeCompletedTwice() {
        Interaction interaction = withOpenNextStep();
        Instant first = NOW.plus(Duration.ofDays(1));
        interaction.completeNextStep(SUPPORT, first);

        assertThatIllegalStateException()
                .isThrownBy(() -> interaction.completeNextStep(SALES, NOW.plus(Duration.ofDays(2))));
        assertThat(interaction.nextStep().doneBy()).isEqualTo(SUPPORT.userId());
        assertThat(interaction.nextStep().doneAt()).isEqualTo(first);
    }

    @Test
    void whoseFollowUpItIsReschedulesItToTodayOrLater() {
        Interaction interaction = withOpenNextStep();
        LocalDate today = LocalDate.of(2025, 6, 15);

        interaction.rescheduleNextStep(today.plusDays(1), today, SALES);

        assertThat(interaction.nextStep().dueOn()).isEqualTo(today.plusDays(1));
        assertThat(interaction.nextStep().action()).isEqualTo("Send the quote");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> interaction.rescheduleNextStep(today.minusDays(1), today, SALES));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> interaction.rescheduleNextStep(LocalDate.of(9999, 12, 31), today, SALES));
        assertThat(interaction.nextStep().dueOn()).isEqualTo(today.plusDays(1));
    }

    @Test
    void onlyWhoseFollowUpItIsOrATeamManagerReschedulesOrHandsItOn() {
        Interaction interaction = withOpenNextStep();
        LocalDate today = LocalDate.of(2025, 6, 15);
        Actor otherRep = new Actor(99L, Role.SALES, Department.SALES);
        Actor manager = new Actor(50L, Role.MANAGER, Department.MANAGEMENT);
        Actor admin = new Actor(51L, Role.ADMIN, Department.MANAGEMENT);

        assertThat(interaction.nextStepManagedBy(SALES)).isTrue();
        assertThat(interaction.nextStepManagedBy(otherRep)).isFalse();
        assertThat(interaction.nextStepManagedBy(admin)).isFalse();
        assertThatThrownBy(() -> interaction.reassignNextStep(otherRep.userId(), otherRep))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> interaction.rescheduleNextStep(today, today, SUPPORT))
                .isInstanceOf(ForbiddenActionException.class);

        interaction.reassignNextStep(SUPPORT.userId(), manager);

        assertThat(interaction.nextStep().assigneeId()).isEqualTo(SUPPORT.userId());
        // now it is the support agent's, no longer its author's
        assertThat(interaction.nextStepManagedBy(SUPPORT)).isTrue();
        assertThat(interaction.nextStepManagedBy(SALES)).isFalse();
    }

    @Test
    void aDoneFollowUpIsNeitherRescheduledNorHandedOn() {
        Interaction interaction = withOpenNextStep();
        interaction.completeNextStep(SALES, NOW);
        LocalDate today = LocalDate.of(2025, 6, 15);

        assertThat(interaction.hasOpenNextStep()).isFalse();
        assertThatIllegalStateException().isThrownBy(() -> interaction.rescheduleNextStep(today, today, SALES));
        assertThatIllegalStateException().isThrownBy(() -> interaction.reassignNextStep(SUPPORT.userId(), SALES));
    }

    @Test
    void interactionWithoutNextStepCannotHaveItCompleted() {
        Interaction interaction = log(at(AN_HOUR_AGO));

        assertThatIllegalStateException().isThrownBy(() -> interaction.completeNextStep(SALES, NOW));
        assertThat(interaction.nextStep()).isNull();
    }

    @Test
    void contactIdsCannotBeChangedFromOutside() {
        Interaction interaction = log(entry(1L, Set.of(2L)));

        assertThat(interaction.contactIds()).isUnmodifiable();
    }
}
