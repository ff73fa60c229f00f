package org.relationcrm.request;

import java.util.List;

/** The manager's view: figures per receiving department over the last {@code days} days, and the oldest open requests. */
public record RequestFigures(int days, List<DepartmentFigures> departments, List<RequestRow> oldestOpen) {
}
