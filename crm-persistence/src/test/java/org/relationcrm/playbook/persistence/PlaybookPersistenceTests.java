package org.relationcrm.playbook.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.GuideVersion;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;
import org.relationcrm.shared.Department;
import org.relationcrm.team.UserService;
import org.relationcrm.testing.PlaybookTestData;
import org.relationcrm.testing.TestData;

/** Guides on PostgreSQL: versions kept, the optimistic lock, votes one per user and version, usage counted. */
@SpringBootTest
class PlaybookPersistenceTests {

    @Autowired PlaybookService playbooks;
    @Autowired PlaybookReadService reads;
    @Autowired UserService users;

    Actor manager;
    Actor sales;

    @BeforeEach
    void setUp() {
        manager = TestData.user(users, Role.MANAGER, Department.MANAGEMENT).asActor();
        sales = TestData.user(users, Role.SALES, Department.SALES).asActor();
    }

    @Test
    void eachSaveIsANewVersionAndTheHistoryKeepsTheOlderOnes() {
        String first = TestData.unique("Client mécontent");
        Playbook playbook = PlaybookTestData.ensure(playbooks, reads, Situation.ANGRY_CLIENT,
                Map.of(Language.FR, PlaybookTestData.french(first)), manager);
        Guide before = reads.get(playbook.id(), sales.userId());
        String second = TestData.unique("Angry client");

        playbooks.revise(playbook.id(), before.version(), Map.of(Language.FR, PlaybookTestData.french(first),
                Language.EN, PlaybookTestData.english(second)), manager);

        Guide after = reads.get(playbook.id(), sales.userId());
        assertThat(after.revision()).isEqualTo(before.revision() + 1);
        assertThat(after.text(Language.EN).title()).isEqualTo(second);
        assertThat(after.text(Language.FR).steps()).containsExactly("Écouter sans interrompre", "Dater la suite");
        Slice<GuideVersion, Integer> history = reads.history(playbook.id(), null);
        assertThat(history.rows().getFirst().revision()).isEqualTo(after.revision());
        assertThat(history.rows().get(1).text(Language.EN)).isNull();
        assertThat(history.rows().get(1).text(Language.FR).title()).isEqualTo(first);
    }

    @Test
    void aSaveOnAReplacedVersionIsRefusedAndWritesNothing() {
        Playbook playbook = PlaybookTestData.ensure(playbooks, reads, Situation.FOLLOW_UP_AFTER_SILENCE,
                Map.of(Language.FR, PlaybookTestData.french(TestData.unique("Relance"))), manager);
        Guide seen = reads.get(playbook.id(), manager.userId());
        playbooks.revise(playbook.id(), seen.version(),
                Map.of(Language.FR, PlaybookTestData.french(TestData.unique("Relance"))), manager);

        assertThatThrownBy(() -> playbooks.revise(playbook.id(), seen.version(),
                Map.of(Language.FR, PlaybookTestData.french("Trop tard")), manager))
                .isInstanceOf(StaleEditException.class);
        assertThat(reads.get(playbook.id(), manager.userId()).revision()).isEqualTo(seen.revision() + 1);
    }

    @Test
    void aSituationHasOneGuide() {
        PlaybookTestData.ensure(playbooks, reads, Situation.POST_SIGNATURE_CALL,
                Map.of(Language.FR, PlaybookTestData.french(TestData.unique("Après signature"))), manager);

        assertThatThrownBy(() -> playbooks.write(Situation.POST_SIGNATURE_CALL,
                Map.of(Language.FR, PlaybookTestData.french("Encore")), manager))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::code).containsExactly("playbook.situation.taken"));
    }

    @Test
    void oneVotePerUserAndVersionChangedByVotingAgain() {
        Playbook playbook = PlaybookTestData.ensure(playbooks, reads, Situation.PRICE_OBJECTION,
                Map.of(Language.FR, PlaybookTestData.french(TestData.unique("Prix"))), manager);
        int revision = reads.get(playbook.id(), sales.userId()).revision();
        long usefulBefore = row(Situation.PRICE_OBJECTION).useful();

        playbooks.vote(playbook.id(), revision, true, sales);
        playbooks.vote(playbook.id(), revision, false, sales);
        playbooks.vote(playbook.id(), revision, true, manager);

        assertThat(reads.get(playbook.id(), sales.userId()).myVote()).isFalse();
        assertThat(row(Situation.PRICE_OBJECTION).useful()).isEqualTo(usefulBefore + 1);
        assertThat(row(Situation.PRICE_OBJECTION).notUseful()).isGreaterThanOrEqualTo(1);
        assertThatThrownBy(() -> playbooks.vote(playbook.id(), revision + 1, true, sales))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void showingAndOpeningAGuideAreCounted() {
        Playbook playbook = PlaybookTestData.ensure(playbooks, reads, Situation.MEETING_PREPARATION,
                Map.of(Language.EN, PlaybookTestData.english(TestData.unique("Prepare"))), manager);
        PlaybookRow before = row(Situation.MEETING_PREPARATION);

        Map<Situation, Guide> shown = reads.shown(Set.of(Situation.MEETING_PREPARATION, Situation.ESCALATION),
                sales.userId());
        reads.shown(Situation.MEETING_PREPARATION, sales.userId());
        reads.open(playbook.id(), sales.userId());
        reads.get(playbook.id(), sales.userId()); // a read for an edit or a vote is no use

        assertThat(shown.get(Situation.MEETING_PREPARATION).fallsBack(Language.FR)).isTrue();
        PlaybookRow after = row(Situation.MEETING_PREPARATION);
        assertThat(after.shown()).isEqualTo(before.shown() + 2);
        assertThat(after.opened()).isEqualTo(before.opened() + 1);
        assertThat(after.title(Language.FR)).isEqualTo(after.titleEn());
    }

    private PlaybookRow row(Situation situation) {
        return reads.list().stream().filter(r -> r.situation() == situation).findFirst().orElseThrow();
    }
}
