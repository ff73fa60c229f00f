package org.relationcrm.audit.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import org.relationcrm.audit.AuditAction;
import org.relationcrm.audit.AuditCursor;
import org.relationcrm.audit.AuditEntry;
import org.relationcrm.audit.AuditFilter;
import org.relationcrm.audit.AuditLog;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.web.Formats;
import org.relationcrm.team.web.CurrentUser;

/**
 * The administrator's audit log ({@code /admin/audit}): newest first, 50 a page (keyset), filtered by action, user
 * (a username, case ignored) and days (from and to, both included, in the company's time zone). The filters are
 * the page's address, so a filtered log can be reloaded or shared.
 */
@Controller
class AuditLogController {

    private final AuditLog log;
    private final MessageSource messages;
    private final Formats formats;
    private final Clock clock;

    AuditLogController(AuditLog log, MessageSource messages, Formats formats, Clock clock) {
        this.log = log;
        this.messages = messages;
        this.formats = formats;
        this.clock = clock;
    }

    @GetMapping("/admin/audit")
    String log(@RequestParam(required = false) AuditAction action, @RequestParam(required = false) String user,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(required = false) String before,
               @RequestHeader(value = "HX-Request", required = false) String htmx,
               @AuthenticationPrincipal CurrentUser me, Locale locale, Model model) {
        if (user != null && user.length() > 120) {
            throw new IllegalArgumentException("user filter too long");
        }
        AuditFilter filter = new AuditFilter(action, user, startOf(from), to == null ? null : startOf(to.plusDays(1)));
        Cursors.Parsed cursor = Cursors.read(before);
        Slice<AuditEntry, AuditCursor> page = log.entries(filter,
                cursor == null ? null : new AuditCursor(cursor.at(), cursor.id()), me.actor());
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("action", action);
        model.addAttribute("user", filter.user());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("entries", views(page.rows(), locale));
        model.addAttribute("next", page.hasNext() ? Cursors.write(page.next().at(), page.next().id()) : null);
        return htmx != null ? "audit/log :: rows" : "audit/log";
    }

    /** A line of the log as shown: its details as "label: value" pairs. */
    record EntryView(String at, String actor, String action, String subject, List<String> details, String address) {
    }

    private List<EntryView> views(List<AuditEntry> entries, Locale locale) {
        List<EntryView> views = new ArrayList<>(entries.size());
        for (AuditEntry entry : entries) {
            List<String> details = new ArrayList<>();
            for (Map.Entry<String, String> detail : entry.details().entrySet()) {
                String label = messages.getMessage("audit.detail." + detail.getKey(), null, detail.getKey(), locale);
                String value = messages.getMessage("audit.value." + detail.getValue(), null, detail.getValue(), locale);
                details.add(messages.getMessage("audit.detail", new Object[] {label, value}, locale));
            }
            views.add(new EntryView(formats.dateTime(entry.at()), entry.actor(),
                    messages.getMessage("audit.action." + entry.action(), null, locale), entry.subject(), details,
                    entry.address()));
        }
        return views;
    }

    private Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(clock.getZone()).toInstant();
    }
}
