package org.relationcrm.dataimport.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.dataimport.ColumnMapping;
import org.relationcrm.dataimport.ImportField;
import org.relationcrm.dataimport.ImportJob;
import org.relationcrm.dataimport.ImportKind;
import org.relationcrm.dataimport.ImportService;
import org.relationcrm.dataimport.ImportState;
import org.relationcrm.dataimport.ImportStore;
import org.relationcrm.dataimport.ImportTemplate;
import org.relationcrm.dataimport.RowError;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.web.CsvDownload;
import org.relationcrm.team.web.CurrentUser;

/**
 * The import's pages: upload, mapping, preview, then the job's page, whose progress is polled by htmx every second
 * while it runs (the page works without JavaScript: reload it). A user sees only their own imports.
 */
@Controller
class ImportController {

    static final int SHOWN_REJECTED = 20;

    private final ImportService imports;
    private final MessageSource messages;
    private final Clock clock;

    ImportController(ImportService imports, MessageSource messages, Clock clock) {
        this.imports = imports;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/imports")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("jobs", imports.mine(me.actor()));
        model.addAttribute("kinds", imports.kinds(me.actor()));
        return "imports/list";
    }

    @PostMapping("/imports")
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
                  @AuthenticationPrincipal CurrentUser me, Model model) {
        ImportKind chosen = kindOf(kind);
        try {
            ImportJob job;
            // no file is an empty one: the service says why it cannot be imported
            try (InputStream in = file == null ? InputStream.nullInputStream() : file.getInputStream()) {
                job = imports.upload(chosen, file == null ? null : file.getOriginalFilename(), in, me.actor());
            }
            return "redirect:/imports/" + job.id() + "/mapping";
        } catch (RuleViolation refused) {
            model.addAttribute("uploadErrors", refused.broken());
            model.addAttribute("chosenKind", chosen);
            return list(me, model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/imports/{id}/mapping")
    String mapping(@PathVariable long id, @RequestParam(required = false) Long template,
                   @AuthenticationPrincipal CurrentUser me, Model model) {
        ImportJob job = imports.get(id, me.actor());
        if (job.state() != ImportState.UPLOADED) {
            return "redirect:/imports/" + id;
        }
        ColumnMapping mapping = job.mapping();
        if (template != null) {
            ImportTemplate chosen = imports.template(template, me.actor());
            if (chosen.kind() == job.kind()) {
                mapping = chosen.mapping();
            }
        }
        return mappingForm(job, mapping, null, List.of(), me, model);
    }

    private String mappingForm(ImportJob job, ColumnMapping mapping, String templateName,
                               List<RuleViolation.Broken> errors, CurrentUser me, Model model) {
        Map<ImportField, Integer> chosen = new LinkedHashMap<>();
        for (ImportField field : job.kind().fields()) {
            chosen.put(field, mapping.column(field));
        }
        Map<String, List<RuleViolation.Broken>> byField = new LinkedHashMap<>();
        for (RuleViolation.Broken b : errors) {
            byField.computeIfAbsent(b.field() == null ? "" : b.field(), k -> new ArrayList<>()).add(b);
        }
        model.addAttribute("job", job);
        model.addAttribute("chosen", chosen);
        model.addAttribute("templates", imports.templates(job.kind(), me.actor()));
        model.addAttribute("templateName", templateName);
        model.addAttribute("errors", byField);
        return "imports/mapping";
    }

    @PostMapping("/imports/{id}/mapping")
    String map(@PathVariable long id, @RequestParam MultiValueMap<String, String> params,
               @AuthenticationPrincipal CurrentUser me, Model model) {
        ImportJob job = imports.get(id, me.actor());
        if (job.state() != ImportState.UPLOADED) {
            return "redirect:/imports/" + id;
        }
        Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
        for (ImportField field : job.kind().fields()) {
            String value = params.getFirst("mapping[" + field.name() + "]");
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                columns.put(field, Integer.parseInt(value.strip()));
            } catch (NumberFormatException e) {
                columns.put(field, -1); // no such column: the mapping's check says so
            }
        }
        ColumnMapping mapping = new ColumnMapping(columns);
        String templateName = params.getFirst("templateName");
        try {
            imports.map(id, mapping, templateName, me.actor());
        } catch (RuleViolation refused) {
            return mappingForm(job, mapping, templateName, refused.broken(), me, model);
        }
        return "redirect:/imports/" + id + "/preview";
    }

    @GetMapping("/imports/{id}/preview")
    String preview(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        ImportJob job = imports.get(id, me.actor());
        if (job.state() != ImportState.UPLOADED) {
            return "redirect:/imports/" + id;
        }
        List<ImportService.PreviewRow> rows = imports.preview(id, me.actor());
        List<ImportField> mapped = job.kind().fields().stream().filter(job.mapping()::has).toList();
        model.addAttribute("job", job);
        model.addAttribute("rows", rows);
        model.addAttribute("mapped", mapped);
        model.addAttribute("rowsWithErrors", rows.stream().filter(r -> !r.errors().isEmpty()).count());
        return "imports/preview";
    }

    @PostMapping("/imports/{id}/run")
    String run(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        try {
            imports.run(id, me.actor());
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("importError", refused.broken().getFirst().code());
        }
        return "redirect:/imports/" + id;
    }

    @GetMapping("/imports/{id}")
    String job(@PathVariable long id, @AuthenticationPrincipal CurrentUser me,
               @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        ImportJob job = imports.get(id, me.actor());
        model.addAttribute("job", job);
        Duration left = job.timeLeft(clock.instant());
        model.addAttribute("secondsLeft", left == null ? null : Math.max(1, left.toSeconds()));
        if (job.state().finished() || job.state() == ImportState.UPLOADED) {
            model.addAttribute("rejected", imports.firstRejected(id, me.actor(), SHOWN_REJECTED));
            model.addAttribute("duplicates", imports.duplicates(id, me.actor(), SHOWN_REJECTED));
        }
        return htmx != null ? "imports/job :: progress" : "imports/job";
    }

    /** The rejected rows as a CSV file: the file's columns as they were, then the line and the reasons. */
    @GetMapping("/imports/{id}/rejected")
    void rejected(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Locale locale,
                  HttpServletResponse response) throws IOException {
        ImportJob job = imports.get(id, me.actor());
        CsvDownload csv = CsvDownload.start(response, "rejected-" + id + ".csv", locale);
        List<String> header = new ArrayList<>(job.headers());
        header.add(messages.getMessage("import.rejected.line", null, locale));
        header.add(messages.getMessage("import.rejected.reason", null, locale));
        csv.header(header);
        imports.rejected(id, me.actor(), row -> {
            List<String> values = new ArrayList<>(job.headers().size() + 2);
            for (int i = 0; i < job.headers().size(); i++) {
                values.add(i < row.cells().size() ? row.cells().get(i) : null);
            }
            values.add(String.valueOf(row.line()));
            values.add(reasons(row, locale));
            csv.row(values);
        });
        csv.flush();
    }

    private String reasons(ImportStore.Rejected row, Locale locale) {
        List<String> parts = new ArrayList<>();
        for (RowError error : row.errors()) {
            String text = messages.getMessage(error.code(), error.args().toArray(), error.code(), locale);
            parts.add(error.column() == null ? text : error.column() + " : " + text);
        }
        return String.join(" ; ", parts);
    }

    private static ImportKind kindOf(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return ImportKind.valueOf(kind.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
