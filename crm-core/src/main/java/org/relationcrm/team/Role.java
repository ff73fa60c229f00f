package org.relationcrm.team;

import static org.relationcrm.team.Permission.*;

import java.util.EnumSet;
import java.util.Set;

/**
 * A user's role, and the one table of what each role may do. Every role reads the same 360° record; what differs is
 * what it may change, stated here as {@link Permission}s (RoleTests prints the whole matrix).
 */
public enum Role {
    SALES(LOG_INTERACTIONS, REGISTER_COMPANIES, MANAGE_DEALS, VIEW_PIPELINE_BOARD, RECORD_COMPLAINTS, SEND_SURVEYS,
            SEND_REQUESTS, ANSWER_REQUESTS, PLACE_ORDERS, USE_SEGMENTS, EXPORT_SEGMENTS, EXPORT_LISTS),
    SUPPORT(LOG_INTERACTIONS, RECORD_COMPLAINTS, HANDLE_COMPLAINTS, SEND_SURVEYS, SEND_REQUESTS, ANSWER_REQUESTS,
            USE_SEGMENTS),
    ADV(LOG_INTERACTIONS, REGISTER_COMPANIES, RECORD_COMPLAINTS, MANAGE_HELD_PRODUCT_LINES, SEND_REQUESTS,
            ANSWER_REQUESTS, MANAGE_ORDERS, PLACE_ORDERS, USE_SEGMENTS, IMPORT_DATA, EXPORT_LISTS),
    MANAGER(LOG_INTERACTIONS, MANAGE_TEAM_FOLLOW_UPS, REGISTER_COMPANIES, EDIT_ANY_COMPANY, MANAGE_DEALS, MANAGE_ALL_DEALS,
            VIEW_PIPELINE_BOARD, VIEW_DASHBOARDS, APPROVE_CONCESSIONS, RECORD_COMPLAINTS, HANDLE_COMPLAINTS,
            HANDLE_ESCALATED_COMPLAINTS, SEND_SURVEYS, REFRESH_RISK, SEND_REQUESTS, ANSWER_REQUESTS, VIEW_REQUEST_FIGURES,
            MANAGE_PLAYBOOKS, COACH_TEAM, USE_SEGMENTS, EXPORT_SEGMENTS, VIEW_KPIS, MERGE_CLIENTS, HANDLE_PRIVACY_REQUESTS,
            VIEW_CHANGE_HISTORY, IMPORT_DATA, EXPORT_LISTS),
    ADMIN(REGISTER_COMPANIES, EDIT_ANY_COMPANY, ADMINISTER_USERS, ADMINISTER_CATALOG, MANAGE_ORDERS, PLACE_ORDERS,
            VIEW_REQUEST_FIGURES, ADMINISTER_SERVICE_LEVELS, MANAGE_PLAYBOOKS, COACH_TEAM, USE_SEGMENTS,
            EXPORT_SEGMENTS, VIEW_KPIS, ENTER_ACQUISITION_COSTS, OPERATE,
            MERGE_CLIENTS, HANDLE_PRIVACY_REQUESTS, VIEW_CHANGE_HISTORY, VIEW_AUDIT_LOG,
            IMPORT_DATA, EXPORT_LISTS);

    private final Set<Permission> permissions;

    Role(Permission first, Permission... others) {
        this.permissions = EnumSet.of(first, others);
    }

    public boolean grants(Permission permission) {
        return permissions.contains(permission);
    }

    /** What this role may do (a copy). */
    public Set<Permission> permissions() {
        return EnumSet.copyOf(permissions);
    }
}
