package org.relationcrm.interaction.web;

import org.springframework.stereotype.Component;

/**
 * Where a timeline event points to, by what it is about. Used in templates as {@code @links}.
 * Each feature that records events adds its page here; an unknown kind gets no link.
 */
@Component("links")
public class TimelineLinks {

    public String to(String refType, Long refId) {
        if (refType == null || refId == null) {
            return null;
        }
        return switch (refType) {
            case "COMPANY" -> "/clients/" + refId;
            case "CONTACT" -> "/contacts/" + refId;
            case "COMPLAINT" -> "/complaints/" + refId;
            case "OPPORTUNITY" -> "/opportunities/" + refId;
            default -> null;
        };
    }
}
