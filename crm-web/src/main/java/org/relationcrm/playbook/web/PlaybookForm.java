package org.relationcrm.playbook.web;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Size;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.GuideText;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Situation;
import org.relationcrm.playbook.TypedText;

/**
 * A guide as the form holds it: both languages side by side, lists one item a line. What is required, and the
 * limits of each line, the guide checks ({@code Playbook.texts}); the sizes here only stop a paste far too long.
 */
record PlaybookForm(Situation situation, Long version,
                    @Size(max = GuideText.MAX_TITLE) String frTitle,
                    @Size(max = GuideText.MAX_WHEN) String frWhenToUse,
                    @Size(max = GuideText.MAX_LIST_CHARS) String frSteps,
                    @Size(max = GuideText.MAX_LIST_CHARS) String frPhrasesToUse,
                    @Size(max = GuideText.MAX_LIST_CHARS) String frPhrasesToAvoid,
                    @Size(max = GuideText.MAX_LIST_CHARS) String frCriteria,
                    @Size(max = GuideText.MAX_TITLE) String enTitle,
                    @Size(max = GuideText.MAX_WHEN) String enWhenToUse,
                    @Size(max = GuideText.MAX_LIST_CHARS) String enSteps,
                    @Size(max = GuideText.MAX_LIST_CHARS) String enPhrasesToUse,
                    @Size(max = GuideText.MAX_LIST_CHARS) String enPhrasesToAvoid,
                    @Size(max = GuideText.MAX_LIST_CHARS) String enCriteria) {

    static PlaybookForm blank(Situation situation) {
        return new PlaybookForm(situation, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** The current version, to edit. */
    static PlaybookForm of(Guide guide) {
        GuideText fr = guide.text(Language.FR);
        GuideText en = guide.text(Language.EN);
        return new PlaybookForm(guide.situation(), guide.version(),
                fr == null ? null : fr.title(), fr == null ? null : fr.whenToUse(), lines(fr, Part.STEPS),
                lines(fr, Part.USE), lines(fr, Part.AVOID), lines(fr, Part.CRITERIA),
                en == null ? null : en.title(), en == null ? null : en.whenToUse(), lines(en, Part.STEPS),
                lines(en, Part.USE), lines(en, Part.AVOID), lines(en, Part.CRITERIA));
    }

    Map<Language, TypedText> typed() {
        Map<Language, TypedText> typed = new EnumMap<>(Language.class);
        typed.put(Language.FR, new TypedText(frTitle, frWhenToUse, frSteps, frPhrasesToUse, frPhrasesToAvoid,
                frCriteria));
        typed.put(Language.EN, new TypedText(enTitle, enWhenToUse, enSteps, enPhrasesToUse, enPhrasesToAvoid,
                enCriteria));
        return typed;
    }

    private enum Part { STEPS, USE, AVOID, CRITERIA }

    private static String lines(GuideText text, Part part) {
        if (text == null) {
            return null;
        }
        return GuideText.joined(switch (part) {
            case STEPS -> text.steps();
            case USE -> text.phrasesToUse();
            case AVOID -> text.phrasesToAvoid();
            case CRITERIA -> text.criteria();
        });
    }
}
