package org.relationcrm.dataimport.web;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import org.relationcrm.client.ClientKind;
import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ClientResults;
import org.relationcrm.client.ClientRow;
import org.relationcrm.client.ClientSearch;
import org.relationcrm.client.ClientSort;
import org.relationcrm.client.ClientSubsets;
import org.relationcrm.client.CompanyStatus;
import org.relationcrm.dataimport.ListExports;
import org.relationcrm.shared.ListSort;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.SortCursor;
import org.relationcrm.shared.SortDirection;
import org.relationcrm.shared.web.ListDownload;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * The clients list as a CSV or Excel file ({@code format=XLSX}), with the filters and sort of the list page (the same
 * parameters): read by keyset pages of {@link #PAGE} rows through the list's own query and written as they come, so
 * the first bytes leave at once and memory holds one page whatever the size. In the reader's formats, typed cells in
 * Excel ({@link ListDownload}). Publishes {@code ListExported} once the last row is written.
 */
@Controller
class ClientExportController {

    static final int PAGE = 1000;

    private final ClientRecordService records;
    private final ObjectProvider<ClientSubsets> subsets;
    private final MessageSource messages;
    private final ListExports exports;
    private final Clock clock;

    ClientExportController(ClientRecordService records, ObjectProvider<ClientSubsets> subsets,
                           MessageSource messages, ListExports exports, Clock clock) {
        this.records = records;
        this.subsets = subsets;
        this.messages = messages;
        this.exports = exports;
        this.clock = clock;
    }

    static final List<String> COLUMNS = List.of("kind", "name", "city", "status", "owner", "mainContact",
            "lastInteraction", "completeness");

    @GetMapping("/clients/export")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) CompanyStatus status,
                @RequestParam(required = false) ClientKind kind, @RequestParam(required = false) Long owner,
                @RequestParam(required = false) ClientSearch.Match match,
                @RequestParam(required = false) ClientSort sort, @RequestParam(required = false) SortDirection dir,
                @RequestParam(required = false) Long segment,
                @RequestParam(defaultValue = "CSV") ListDownload.Format format,
                @AuthenticationPrincipal CurrentUser me, Locale locale, HttpServletResponse response) throws IOException {
        me.actor().require(Permission.EXPORT_LISTS);
        ClientSubsets offered = subsets.getIfAvailable();
        if (segment != null && (offered == null
                || offered.available(me.actor()).stream().noneMatch(s -> s.id() == segment))) {
            throw new NotFoundException("Segment", segment);
        }
        ListSort<ClientSort> sorted = ListSort.of(sort, dir, ClientSort.byDefault());
        ClientSearch search = new ClientSearch(q, status, owner, kind, match, segment);
        List<String> header = new ArrayList<>();
        for (String column : COLUMNS) {
            header.add(messages.getMessage("export.clients." + column, null, locale));
        }
        ListDownload file = ListDownload.start(format, response, "liste-clients",
                messages.getMessage("export.clients.sheet", null, locale), header, locale);
        ClientResults page = records.search(search, sorted, null, PAGE);
        while (true) {
            for (ClientRow row : page.page().rows()) {
                file.row(row(row, locale));
            }
            SortCursor next = page.page().next();
            if (next == null) {
                break;
            }
            page = records.search(page.search(), sorted, next, PAGE);
        }
        file.finish();
        String what = UriComponentsBuilder.fromPath("clients")
                .queryParamIfPresent("q", java.util.Optional.ofNullable(q).filter(s -> !s.isBlank()))
                .queryParamIfPresent("status", java.util.Optional.ofNullable(status))
                .queryParamIfPresent("kind", java.util.Optional.ofNullable(kind))
                .queryParamIfPresent("owner", java.util.Optional.ofNullable(owner))
                .queryParamIfPresent("segment", java.util.Optional.ofNullable(segment))
                .build().toUriString();
        exports.exported(me.actor(), what, file.rows());
    }

    private List<Object> row(ClientRow row, Locale locale) {
        List<Object> values = new ArrayList<>(COLUMNS.size());
        values.add(messages.getMessage("kind." + row.kind(), null, locale));
        values.add(row.name());
        values.add(row.city());
        values.add(row.status() == null ? null : messages.getMessage("status." + row.status(), null, locale));
        values.add(row.ownerName());
        values.add(row.mainContactName());
        values.add(row.lastInteractionAt() == null ? null : LocalDate.ofInstant(row.lastInteractionAt(), clock.getZone()));
        values.add(row.completeness() == null ? null : row.completeness().score());
        return values;
    }
}
