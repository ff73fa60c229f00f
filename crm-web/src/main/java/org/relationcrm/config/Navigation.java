package org.relationcrm.config;

import static org.relationcrm.team.Permission.ADMINISTER_CATALOG;
import static org.relationcrm.team.Permission.ADMINISTER_SERVICE_LEVELS;
import static org.relationcrm.team.Permission.ANSWER_REQUESTS;
import static org.relationcrm.team.Permission.ADMINISTER_USERS;
import static org.relationcrm.team.Permission.VIEW_AUDIT_LOG;
import static org.relationcrm.team.Permission.APPROVE_CONCESSIONS;
import static org.relationcrm.team.Permission.COACH_TEAM;
import static org.relationcrm.team.Permission.HANDLE_COMPLAINTS;
import static org.relationcrm.team.Permission.LOG_INTERACTIONS;
import static org.relationcrm.team.Permission.MERGE_CLIENTS;
import static org.relationcrm.team.Permission.IMPORT_DATA;
import static org.relationcrm.team.Permission.REGISTER_COMPANIES;
import static org.relationcrm.team.Permission.SEND_REQUESTS;
import static org.relationcrm.team.Permission.VIEW_DASHBOARDS;
import static org.relationcrm.team.Permission.VIEW_PIPELINE_BOARD;
import static org.relationcrm.team.Permission.VIEW_REQUEST_FIGURES;
import static org.relationcrm.team.Permission.USE_SEGMENTS;
import static org.relationcrm.team.Permission.VIEW_KPIS;
import static org.relationcrm.team.Permission.ENTER_ACQUISITION_COSTS;

import java.util.List;

import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.team.Permission;

/**
 * The top bar's menu: a few groups (Clients, Sales, Service, Steering, New) instead of a row of eleven links, each
 * link shown only to the users whose permissions open its page (the same permissions as SecurityConfig's rules,
 * checked by NavigationTests). A group left with one link is that link; a group left with none is not shown.
 */
public record Navigation(List<Item> items, String currentHref) {

    /** A link of the menu: its message key, its address, and the permission its page asks for (null: everyone). */
    public record Link(String key, String href, Permission permission) {
    }

    /** A group of links under a title, in the order shown. */
    public record Group(String key, List<Link> links) {
    }

    /** What the bar shows: a single link ({@code links} has one element and no title) or a menu with a title. */
    public record Item(String key, List<Link> links, boolean current) {

        public boolean isMenu() {
            return links.size() > 1;
        }

        public Link link() {
            return links.getFirst();
        }
    }

    static final List<Group> GROUPS = List.of(
            new Group("nav.myDay", List.of(new Link("nav.myDay", "/", null))),
            new Group("nav.group.clients", List.of(
                    new Link("nav.clients.all", "/clients", null),
                    new Link("nav.segments", "/segments", USE_SEGMENTS),
                    new Link("nav.imports", "/imports", IMPORT_DATA),
                    new Link("nav.risk", "/risk", null),
                    new Link("nav.silent", "/silent-clients", null),
                    new Link("nav.dates", "/upcoming-dates", null),
                    new Link("nav.mailboxUnmatched", "/mailbox/unmatched", LOG_INTERACTIONS),
                    new Link("nav.playbooks", "/playbooks", null))),
            new Group("nav.group.sales", List.of(
                    new Link("nav.pipeline", "/pipeline", VIEW_PIPELINE_BOARD),
                    new Link("nav.concessionsPending", "/concessions/pending", APPROVE_CONCESSIONS))),
            new Group("nav.group.service", List.of(
                    new Link("nav.complaints", "/complaints", HANDLE_COMPLAINTS),
                    new Link("nav.requests", "/requests", ANSWER_REQUESTS),
                    new Link("nav.myRequests", "/requests/mine", SEND_REQUESTS))),
            new Group("nav.group.steering", List.of(
                    new Link("nav.pipelineDashboard", "/pipeline/dashboard", VIEW_DASHBOARDS),
                    new Link("nav.requestFigures", "/requests/figures", VIEW_REQUEST_FIGURES),
                    new Link("nav.coaching", "/coaching", COACH_TEAM),
                    new Link("nav.dataQuality", "/data-quality", MERGE_CLIENTS),
                    new Link("nav.myCoaching", "/my-coaching", LOG_INTERACTIONS),
                    new Link("nav.insight", "/insight", VIEW_KPIS),
                    new Link("nav.myInsight", "/my-insight", LOG_INTERACTIONS),
                    new Link("nav.acquisitionCosts", "/insight/costs", ENTER_ACQUISITION_COSTS),
                    new Link("nav.productLines", "/admin/product-lines", ADMINISTER_CATALOG),
                    new Link("nav.serviceLevels", "/admin/service-levels", ADMINISTER_SERVICE_LEVELS),
                    new Link("nav.admin", "/admin/users", ADMINISTER_USERS),
                    new Link("nav.auditLog", "/admin/audit", VIEW_AUDIT_LOG))),
            new Group("nav.group.new", List.of(
                    new Link("nav.newCompany", "/clients/new", REGISTER_COMPANIES),
                    new Link("nav.newPerson", "/contacts/new", null))));

    /**
     * The menu of a user, the item holding the page at {@code currentPath} marked as current, and that page's link
     * ({@code currentHref}, null when the page is not in the menu): a value that depends on the user's permissions
     * and on where they are among the menu's pages only, so that its HTML can be rendered once and reused.
     */
    static Navigation of(CurrentUser me, String currentPath) {
        List<Item> items = GROUPS.stream()
                .map(group -> {
                    List<Link> links = group.links().stream()
                            .filter(link -> link.permission() == null || me.can(link.permission()))
                            .toList();
                    boolean current = links.stream().anyMatch(link -> link.href().equals(currentPath));
                    return new Item(group.key(), links, current);
                })
                .filter(item -> !item.links().isEmpty())
                .toList();
        boolean inMenu = items.stream().anyMatch(Item::current);
        return new Navigation(items, inMenu ? currentPath : null);
    }
}
