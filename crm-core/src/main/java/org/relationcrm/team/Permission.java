package org.relationcrm.team;

/**
 * What a user may do. Roles grant permissions ({@link Role#permissions()}, the one table); the security rules of the
 * routes, the services, the aggregates and the templates all ask for a permission, never for a role.
 * Object-level rules combine them: a deal is managed by its owner if they {@link #MANAGE_DEALS}, or by anyone who
 * may {@link #MANAGE_ALL_DEALS}.
 */
public enum Permission {
    /** Log calls, meetings, emails on a client or a person, and mark their next steps done. */
    LOG_INTERACTIONS,
    /**
     * See the team's late follow-ups on "My day", open a teammate's list, and reschedule or hand on anyone's
     * follow-ups (everyone else reschedules and hands on their own only).
     */
    MANAGE_TEAM_FOLLOW_UPS,
    /** Register a new company. */
    REGISTER_COMPANIES,
    /** Edit any company, not only those one owns; such users also start on everyone's clients in the lists. */
    EDIT_ANY_COMPANY,
    /** Open, edit and move one's own deals, grant concessions on them, prepare and report meetings. */
    MANAGE_DEALS,
    /** Manage every deal and meeting, whoever owns or wrote it, and give a deal to another owner. */
    MANAGE_ALL_DEALS,
    /** See the pipeline board. */
    VIEW_PIPELINE_BOARD,
    /** See the pipeline dashboard. */
    VIEW_DASHBOARDS,
    /** Approve or reject discounts above the threshold, and see those waiting. */
    APPROVE_CONCESSIONS,
    /** Record a complaint heard from a client. */
    RECORD_COMPLAINTS,
    /** Own and handle complaints (start, escalate, resolve, close, reopen), and see the complaints list. */
    HANDLE_COMPLAINTS,
    /** Handle a complaint escalated to level 2 or more. */
    HANDLE_ESCALATED_COMPLAINTS,
    /** Send satisfaction surveys and classify their answers. */
    SEND_SURVEYS,
    /** Maintain the product lines a client holds. */
    MANAGE_HELD_PRODUCT_LINES,
    /** Recompute the churn risk now instead of waiting for the next scheduled refresh. */
    REFRESH_RISK,
    /** Create users, change their role and department, disable them. */
    ADMINISTER_USERS,
    /** Maintain the catalogue of product lines. */
    ADMINISTER_CATALOG,
    /** Take a client's orders and follow them: confirm, ship, deliver, invoice, record the payment, cancel. */
    MANAGE_ORDERS,
    /**
     * Pass a client's order to the order desk: any order for whoever may {@link #MANAGE_ORDERS}, otherwise only from
     * a won deal one manages (the order desk then confirms it).
     */
    PLACE_ORDERS,
    /** Send a request to another department (or a person in it) about a client, answer its questions, rate it. */
    SEND_REQUESTS,
    /** Answer the requests addressed to one's department or to oneself: accept, do, decline, ask for information. */
    ANSWER_REQUESTS,
    /** See the requests' figures per receiving department (time to answer, service level, usefulness). */
    VIEW_REQUEST_FIGURES,
    /** Set the service level of each kind of request and receiving department. */
    ADMINISTER_SERVICE_LEVELS,
    /** Write and edit the shared guides (playbooks), and see how much each is used. */
    MANAGE_PLAYBOOKS,
    /** Review the reps' interactions (coaching), see the coaching queue, every review and the team's trends. */
    COACH_TEAM,
    /** Build segments (saved filters over clients and people), use the team's shared ones, count and list them. */
    USE_SEGMENTS,
    /** Export a segment's people to a file (contact details only where the person consents to the channel). */
    EXPORT_SEGMENTS,
    /**
     * See the whole team's relationship KPIs (filtered at will), the rows behind them, record the monthly review's
     * root causes and actions, and ask for the weekly summary; everyone else sees the KPIs of their own clients.
     */
    VIEW_KPIS,
    /** Enter the acquisition costs per month and channel or campaign (the CAC). */
    ENTER_ACQUISITION_COSTS,
    /**
     * Watch the running application: its metrics (Prometheus), build information and health details under
     * /actuator. The bare health probes need no permission.
     */
    OPERATE,
    /**
     * See the possible duplicates, merge two companies (every history moves to the survivor) and undo a merge within
     * 30 days; see the completeness trend of each owner and the team.
     */
    MERGE_CLIENTS,
    /**
     * Answer a person's GDPR requests: see their consent history, export everything held about them (JSON, printable
     * page) and anonymise them when no legal hold applies.
     */
    HANDLE_PRIVACY_REQUESTS,
    /**
     * See a record's history of changes (company, person, deal, complaint, order): who changed which field, when,
     * from what to what. A user's history also needs {@link #ADMINISTER_USERS}.
     */
    VIEW_CHANGE_HISTORY,
    /** See the audit log: sign-ins and failed ones, sign-outs, exports, imports, personal data exported or erased. */
    VIEW_AUDIT_LOG,
    /**
     * Import companies, people and interactions from CSV files (creating and updating records in bulk), follow
     * one's imports and download their rejected rows.
     */
    IMPORT_DATA,
    /** Download a list (the clients list with its filters) as a CSV file. */
    EXPORT_LISTS
}
