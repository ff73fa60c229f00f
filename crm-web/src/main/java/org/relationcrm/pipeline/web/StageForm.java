package org.relationcrm.pipeline.web;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

import org.relationcrm.pipeline.LostReason;
import org.relationcrm.pipeline.NextStepPlan;
import org.relationcrm.pipeline.Opportunity;
import org.relationcrm.pipeline.Stage;
import org.relationcrm.shared.SaneDate;

/** Moving a deal: the new stage, and the next step (open stage) or the reason (lost). */
record StageForm(
        @NotNull Stage stage,
        @Size(max = Opportunity.MAX_NEXT_STEP) String nextStepAction,
        @SaneDate @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate nextStepDue,
        LostReason lostReason,
        @Size(max = Opportunity.MAX_LOST_COMMENT) String lostComment,
        Long version) {

    /**
     * The form as it opens: the stage asked for, and the deal's next step already there (with a new date a week
     * ahead when it is overdue or missing), so moving on does not mean typing it again.
     */
    static StageForm prefilled(Opportunity o, Stage to, LocalDate today) {
        LocalDate due = o.nextStepStillDue(today).map(NextStepPlan::dueOn).orElse(today.plusDays(7));
        return new StageForm(to, o.nextStep(), due, null, null, o.version());
    }

    /** The fields a stage asks for: the next step for an open stage, why it was lost for LOST, none for WON. */
    static Set<String> fieldsNeededBy(Stage stage) {
        return stage.isOpen() ? Set.of("nextStepAction", "nextStepDue")
                : stage == Stage.LOST ? Set.of("lostReason", "lostComment") : Set.of();
    }

    /** The next step typed in the form; incomplete when a part is missing. */
    NextStepPlan nextStep() {
        return new NextStepPlan(nextStepAction, nextStepDue);
    }
}
