package org.relationcrm.segment.web;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.relationcrm.client.CompanySize;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.segment.ChurnBand;
import org.relationcrm.segment.ConsentChannel;
import org.relationcrm.segment.Held;
import org.relationcrm.segment.NpsCategory;
import org.relationcrm.segment.Segment;
import org.relationcrm.segment.SegmentCriteria;

/** The segment editor: a name, who sees it, and the criteria (all optional). Limits read from the domain. */
record SegmentForm(
        @NotBlank @Size(max = Segment.MAX_NAME) String name,
        Boolean shared,
        CompanyStatus status,
        @Size(max = SegmentCriteria.MAX_TEXT) String sector,
        CompanySize size,
        @Size(max = SegmentCriteria.MAX_TEXT) String city,
        @Size(max = SegmentCriteria.MAX_POSTAL_PREFIX) String postalPrefix,
        Long ownerId,
        Long productLineId,
        Held held,
        @Min(1) @Max(SegmentCriteria.MAX_DAYS) Integer silentDays,
        @Min(1) @Max(SegmentCriteria.MAX_DAYS) Integer activeDays,
        NpsCategory nps,
        Boolean openComplaints,
        ChurnBand churn,
        @DecimalMin("0") @DecimalMax("999999999999") BigDecimal orderedAtLeast,
        @Min(1) @Max(SegmentCriteria.MAX_DAYS) Integer orderedWithinDays,
        ConsentChannel consent,
        @Size(max = SegmentCriteria.LANGUAGE_LENGTH) String language,
        @Min(1) @Max(SegmentCriteria.MAX_DAYS) Integer importantDateWithinDays,
        @Min(1) @Max(100) Integer completenessBelow,
        Long version) {

    static SegmentForm blank() {
        return of(null, false, SegmentCriteria.none(), null);
    }

    static SegmentForm of(Segment segment) {
        return of(segment.name(), segment.shared(), segment.criteria(), segment.version());
    }

    private static SegmentForm of(String name, boolean shared, SegmentCriteria c, Long version) {
        return new SegmentForm(name, shared, c.status(), c.sector(), c.size(), c.city(), c.postalPrefix(), c.ownerId(),
                c.productLineId(), c.held(), c.silentDays(), c.activeDays(), c.nps(), c.openComplaints(), c.churn(),
                c.orderedAtLeast(), c.orderedWithinDays(), c.consent(), c.language(), c.importantDateWithinDays(),
                c.completenessBelow(), version);
    }

    boolean isShared() {
        return Boolean.TRUE.equals(shared);
    }

    SegmentCriteria criteria() {
        return new SegmentCriteria(status, sector, size, city, postalPrefix, ownerId, productLineId, held, silentDays,
                activeDays, nps, openComplaints, churn, orderedAtLeast, orderedWithinDays, consent, language,
                importantDateWithinDays, completenessBelow);
    }
}
