package org.relationcrm.audit.web;

import java.util.Map;

import org.relationcrm.audit.RecordKind;

/**
 * Each audited column as the history panel shows it: its label ({@code history.field.<kind>.<column>} in the
 * messages, never the column's name) and how its value reads (an enum through the feature's own message prefix, a
 * date in the reader's format, a user's id as their name). A column missing here (added by a later migration) is
 * shown with the generic label {@code history.field.other}.
 */
final class HistoryFields {

    /** A column's reading: its kind and, for an enum, the message prefix of its values (ending with a dot). */
    record Field(FieldKind kind, String messagePrefix) {
        static Field of(FieldKind kind) {
            return new Field(kind, null);
        }

        static Field enumIn(String prefix) {
            return new Field(FieldKind.ENUM, prefix);
        }
    }

    private static final Field TEXT = Field.of(FieldKind.TEXT);
    private static final Field DATE = Field.of(FieldKind.DATE);
    private static final Field INSTANT = Field.of(FieldKind.INSTANT);
    private static final Field USER = Field.of(FieldKind.USER);
    private static final Field REFERENCE = Field.of(FieldKind.REFERENCE);
    private static final Field BOOLEAN = Field.of(FieldKind.BOOLEAN);
    private static final Field NUMBER = Field.of(FieldKind.NUMBER);
    private static final Field MONEY = Field.of(FieldKind.MONEY);

    static final Map<RecordKind, Map<String, Field>> FIELDS = Map.of(
            RecordKind.COMPANY, Map.ofEntries(
                    Map.entry("name", TEXT), Map.entry("legal_id", TEXT), Map.entry("sector", TEXT),
                    Map.entry("size", Field.enumIn("size.")), Map.entry("street", TEXT),
                    Map.entry("postal_code", TEXT), Map.entry("city", TEXT), Map.entry("country", TEXT),
                    Map.entry("website", TEXT), Map.entry("phone", TEXT), Map.entry("status", Field.enumIn("status.")),
                    Map.entry("owner_id", USER), Map.entry("notes", TEXT)),
            RecordKind.CONTACT, Map.ofEntries(
                    Map.entry("company_id", REFERENCE), Map.entry("primary_contact", BOOLEAN),
                    Map.entry("civility", Field.enumIn("civility.")), Map.entry("first_name", TEXT),
                    Map.entry("last_name", TEXT), Map.entry("preferred_name", TEXT), Map.entry("job_title", TEXT),
                    Map.entry("email", TEXT), Map.entry("phone", TEXT), Map.entry("mobile", TEXT),
                    Map.entry("city", TEXT), Map.entry("preferred_channel", Field.enumIn("channel.")),
                    Map.entry("language", Field.of(FieldKind.LANGUAGE)), Map.entry("personal_notes", TEXT),
                    Map.entry("preferences", TEXT), Map.entry("consent_email", BOOLEAN),
                    Map.entry("consent_phone", BOOLEAN), Map.entry("consent_sms", BOOLEAN),
                    Map.entry("consent_letter", BOOLEAN)),
            RecordKind.DEAL, Map.ofEntries(
                    Map.entry("company_id", REFERENCE), Map.entry("title", TEXT), Map.entry("amount", MONEY),
                    Map.entry("currency", TEXT), Map.entry("stage", Field.enumIn("stage.")),
                    Map.entry("probability", NUMBER), Map.entry("expected_close_on", DATE),
                    Map.entry("owner_id", USER), Map.entry("source", Field.enumIn("source.")),
                    Map.entry("next_step", TEXT), Map.entry("next_step_due", DATE),
                    Map.entry("lost_reason", Field.enumIn("lostReason.")), Map.entry("lost_comment", TEXT),
                    Map.entry("closed_at", INSTANT)),
            RecordKind.COMPLAINT, Map.ofEntries(
                    Map.entry("company_id", REFERENCE), Map.entry("contact_id", REFERENCE),
                    Map.entry("channel", Field.enumIn("channel.")),
                    Map.entry("category", Field.enumIn("complaint.category.")),
                    Map.entry("severity", Field.enumIn("complaint.severity.")), Map.entry("description", TEXT),
                    Map.entry("owner_id", USER), Map.entry("status", Field.enumIn("complaint.status.")),
                    Map.entry("opened_at", INSTANT), Map.entry("opened_by", USER),
                    Map.entry("first_response_due", INSTANT), Map.entry("resolution_due", INSTANT),
                    Map.entry("first_response_at", INSTANT), Map.entry("escalation_level", NUMBER),
                    Map.entry("escalation_reason", TEXT), Map.entry("escalated_at", INSTANT),
                    Map.entry("escalated_by", USER), Map.entry("resolved_at", INSTANT),
                    Map.entry("resolution", TEXT), Map.entry("root_cause", Field.enumIn("complaint.rootCause.")),
                    Map.entry("root_cause_detail", TEXT), Map.entry("resolution_minutes", NUMBER),
                    Map.entry("closed_at", INSTANT), Map.entry("reopened_count", NUMBER),
                    Map.entry("subject", TEXT)),
            RecordKind.ORDER, Map.ofEntries(
                    Map.entry("number", TEXT), Map.entry("company_id", REFERENCE), Map.entry("contact_id", REFERENCE),
                    Map.entry("opportunity_id", REFERENCE), Map.entry("ordered_on", DATE),
                    Map.entry("currency", TEXT), Map.entry("payment_terms", Field.enumIn("order.terms.")),
                    Map.entry("promised_on", DATE), Map.entry("total", MONEY),
                    Map.entry("status", Field.enumIn("order.status.")), Map.entry("shipped_on", DATE),
                    Map.entry("delivered_on", DATE), Map.entry("delivery_incident", TEXT),
                    Map.entry("invoice_number", TEXT), Map.entry("invoiced_on", DATE),
                    Map.entry("invoice_due_on", DATE), Map.entry("paid_on", DATE),
                    Map.entry("cancel_reason", Field.enumIn("order.cancelReason.")), Map.entry("cancel_note", TEXT),
                    Map.entry("created_by", USER)),
            RecordKind.USER, Map.ofEntries(
                    Map.entry("username", TEXT), Map.entry("password_hash", TEXT), Map.entry("full_name", TEXT),
                    Map.entry("role", Field.enumIn("role.")), Map.entry("department", Field.enumIn("department.")),
                    Map.entry("enabled", BOOLEAN), Map.entry("email", TEXT),
                    Map.entry("must_change_password", BOOLEAN)));

    private HistoryFields() {
    }

    /** The column's reading; an unknown column reads as text. */
    static Field field(RecordKind kind, String column) {
        return FIELDS.get(kind).getOrDefault(column, TEXT);
    }

    static boolean known(RecordKind kind, String column) {
        return FIELDS.get(kind).containsKey(column);
    }

    /** The message key of the column's label. */
    static String labelKey(RecordKind kind, String column) {
        return known(kind, column) ? "history.field." + kind.slug() + "." + column : "history.field.other";
    }
}
