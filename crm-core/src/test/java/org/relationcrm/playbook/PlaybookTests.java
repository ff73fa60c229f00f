package org.relationcrm.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Role;

class PlaybookTests {

    static final Actor MANAGER = new Actor(1L, Role.MANAGER, Department.SALES);
    static final Actor SALES = new Actor(2L, Role.SALES, Department.SALES);
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    static TypedText french() {
        return new TypedText("Client mécontent", "Le client est en colère.", "Écouter\n\n  Reformuler  \nDater la suite",
                "Je comprends", "Calmez-vous", null);
    }

    @Test
    void aGuideStartsAtVersionOneAndEachSaveIsANewVersion() {
        Playbook playbook = Playbook.write(Situation.ANGRY_CLIENT, MANAGER, NOW);
        assertThat(playbook.revision()).isEqualTo(1);

        playbook.revise(MANAGER, NOW.plusSeconds(60));

        assertThat(playbook.revision()).isEqualTo(2);
        assertThat(playbook.updatedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void onlyThoseWhoManagePlaybooksWriteThem() {
        assertThatThrownBy(() -> Playbook.write(Situation.ANGRY_CLIENT, SALES, NOW))
                .isInstanceOf(ForbiddenActionException.class);
    }

    @Test
    void listsAreOneItemALineWithoutBlankLines() {
        Map<Language, GuideText> texts = Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, french()));

        assertThat(texts).containsOnlyKeys(Language.FR);
        assertThat(texts.get(Language.FR).steps()).containsExactly("Écouter", "Reformuler", "Dater la suite");
    }

    @Test
    void aLanguageLeftBlankIsNotWrittenButOneLanguageIsNeeded() {
        TypedText blank = new TypedText(" ", "", "\n", null, null, null);
        assertThat(Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, french(), Language.EN, blank)))
                .containsOnlyKeys(Language.FR);

        assertThatThrownBy(() -> Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, blank)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::code).containsExactly("playbook.noLanguage"));
    }

    @Test
    void aLanguageStartedMustBeCompleteAndEveryMistakeIsNamedOnItsField() {
        TypedText started = new TypedText(null, null, null, "x".repeat(GuideText.MAX_ITEM + 1), null, null);

        assertThatThrownBy(() -> Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.EN, started)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::field)
                        .containsExactly("enTitle", "enWhenToUse", "enSteps", "enPhrasesToUse"));
    }

    @Test
    void anEscalationSaysWhenToEscalateOtherGuidesDoNot() {
        assertThatThrownBy(() -> Playbook.texts(Situation.ESCALATION, Map.of(Language.FR, french())))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::field).containsExactly("frCriteria"));

        TypedText withCriteria = new TypedText("Escalader", "Quand", "Prévenir", null, null,
                "Deux relances sans réponse\nRisque de perte du client");
        assertThat(Playbook.texts(Situation.ESCALATION, Map.of(Language.FR, withCriteria)).get(Language.FR).criteria())
                .hasSize(2);
        assertThat(Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, withCriteria)).get(Language.FR).criteria())
                .isEmpty();
    }

    @Test
    void tooManyItemsAreRefused() {
        TypedText many = new TypedText("T", "W", "a\n".repeat(GuideText.MAX_ITEMS + 1), null, null, null);

        assertThatThrownBy(() -> Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, many)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.broken())
                        .extracting(RuleViolation.Broken::code).containsExactly("playbook.items.tooMany"));
    }

    @Test
    void aReaderGetsTheirLanguageElseTheOtherOne() {
        GuideText fr = Playbook.texts(Situation.ANGRY_CLIENT, Map.of(Language.FR, french())).get(Language.FR);
        Guide guide = new Guide(1, Situation.ANGRY_CLIENT, 0, 1, NOW, "Julien", Map.of(Language.FR, fr), null);

        assertThat(guide.in(Language.EN)).isSameAs(fr);
        assertThat(guide.fallsBack(Language.EN)).isTrue();
        assertThat(guide.fallsBack(Language.FR)).isFalse();
    }
}
