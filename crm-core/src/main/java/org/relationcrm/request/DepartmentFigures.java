package org.relationcrm.request;

import org.relationcrm.shared.Department;

/**
 * A receiving department's requests over a period, as PostgreSQL adds them up: how many were received, answered,
 * still open (and overdue); the median working hours to the first answer; the shares answered within the service
 * level and rated useful (null when there is nothing to divide).
 */
public record DepartmentFigures(Department department, long received, long answered, long open, long overdue,
                                Double medianHoursToAnswer, Double withinLevelShare, long rated, Double usefulShare) {
}
