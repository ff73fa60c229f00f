package org.relationcrm.privacy;

import org.relationcrm.team.Actor;

/** Everything held about a person was exported (JSON file or printable page) by {@code actor}. For the audit log. */
public record PersonDataExported(long personId, Actor actor, ExportFormat format) {

    public enum ExportFormat { JSON, PRINT }
}
