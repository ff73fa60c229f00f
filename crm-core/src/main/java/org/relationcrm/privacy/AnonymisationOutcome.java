package org.relationcrm.privacy;

import java.util.List;

/** What asking to anonymise a person did. */
public sealed interface AnonymisationOutcome {

    /** Done: the person is anonymised, and {@code textsChanged} free texts no longer name them. */
    record Anonymised(int textsChanged) implements AnonymisationOutcome {
    }

    /** They already were: nothing changed. */
    record AlreadyAnonymised() implements AnonymisationOutcome {
    }

    /** Refused while these legal holds apply: nothing changed. */
    record Refused(List<LegalHold> reasons) implements AnonymisationOutcome {

        public Refused {
            reasons = List.copyOf(reasons);
        }
    }
}
