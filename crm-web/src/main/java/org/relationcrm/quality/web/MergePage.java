package org.relationcrm.quality.web;

/**
 * What the one merge page (quality/merge.html) is merging: where its form posts, where each record's page is, and the
 * messages that name its fields and say what moves.
 */
enum MergePage {
    COMPANIES("/duplicates/merge", "/clients/", "quality.field.", "quality.merge.help"),
    PEOPLE("/duplicates/people/merge", "/contacts/", "quality.personField.", "quality.personMerge.help");

    private final String action;
    private final String recordPath;
    private final String fieldMessage;
    private final String help;

    MergePage(String action, String recordPath, String fieldMessage, String help) {
        this.action = action;
        this.recordPath = recordPath;
        this.fieldMessage = fieldMessage;
        this.help = help;
    }

    public String action() {
        return action;
    }

    public String recordPath() {
        return recordPath;
    }

    public String fieldMessage() {
        return fieldMessage;
    }

    public String help() {
        return help;
    }
}
