package org.relationcrm.quality;

import java.util.Collection;
import java.util.function.Function;

import org.relationcrm.client.CompanyDetails;

/** A field of a company whose value the merge takes from one record or the other. */
public enum MergeField {
    NAME(CompanyDetails::name),
    LEGAL_ID(CompanyDetails::legalId),
    SECTOR(CompanyDetails::sector),
    SIZE(CompanyDetails::size),
    STREET(CompanyDetails::street),
    POSTAL_CODE(CompanyDetails::postalCode),
    CITY(CompanyDetails::city),
    COUNTRY(CompanyDetails::country),
    WEBSITE(CompanyDetails::website),
    PHONE(CompanyDetails::phone),
    STATUS(CompanyDetails::status),
    OWNER(CompanyDetails::ownerId),
    NOTES(CompanyDetails::notes);

    private final Function<CompanyDetails, Object> value;

    MergeField(Function<CompanyDetails, Object> value) {
        this.value = value;
    }

    public Object of(CompanyDetails details) {
        return value.apply(details);
    }

    /** The survivor's details with the chosen fields taken from the loser. */
    public static CompanyDetails pick(CompanyDetails survivor, CompanyDetails loser, Collection<MergeField> fromLoser) {
        return compose(FieldChoice.merging(survivor, loser, fromLoser));
    }

    /**
     * What undoing a merge puts back: each field the merge changed and nobody changed since gets its value from
     * before the merge; a field edited after the merge keeps the edit.
     */
    public static CompanyDetails undo(CompanyDetails before, CompanyDetails afterMerge, CompanyDetails now) {
        return compose(FieldChoice.undoing(before, afterMerge, now, MergeField::of));
    }

    private static CompanyDetails compose(Function<MergeField, CompanyDetails> from) {
        return new CompanyDetails(from.apply(NAME).name(), from.apply(LEGAL_ID).legalId(), from.apply(SECTOR).sector(),
                from.apply(SIZE).size(), from.apply(STREET).street(), from.apply(POSTAL_CODE).postalCode(),
                from.apply(CITY).city(), from.apply(COUNTRY).country(), from.apply(WEBSITE).website(),
                from.apply(PHONE).phone(), from.apply(STATUS).status(), from.apply(OWNER).ownerId(),
                from.apply(NOTES).notes());
    }
}
