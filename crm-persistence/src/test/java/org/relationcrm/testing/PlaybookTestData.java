package org.relationcrm.testing;

import java.util.Map;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.playbook.TypedText;
import org.relationcrm.team.Actor;

/**
 * Guides for tests. A situation has one guide for the whole test database, which tests share: a test that needs one
 * writes it, or a new version of it, with a title of its own.
 */
public final class PlaybookTestData {

    private PlaybookTestData() {
    }

    /** A guide in French only, its title given, with two steps; for an escalation, one criterion. */
    public static TypedText french(String title) {
        return new TypedText(title, "Quand le client est en colère.", "Écouter sans interrompre\nDater la suite",
                "Je comprends", "Calmez-vous", "Deux relances sans réponse");
    }

    public static TypedText english(String title) {
        return new TypedText(title, "When the client is angry.", "Listen without interrupting\nSet a date",
                "I understand", "Calm down", "Two reminders unanswered");
    }

    /** The situation's guide with these texts: written, or a new version of the one there. */
    public static Playbook ensure(PlaybookService playbooks, PlaybookReadService reads, Situation situation,
                                  Map<Language, TypedText> texts, Actor manager) {
        PlaybookRow row = reads.list().stream().filter(r -> r.situation() == situation).findFirst().orElse(null);
        if (row == null) {
            return playbooks.write(situation, texts, manager);
        }
        Guide guide = reads.get(row.id(), manager.userId());
        return playbooks.revise(guide.id(), guide.version(), texts, manager);
    }
}
