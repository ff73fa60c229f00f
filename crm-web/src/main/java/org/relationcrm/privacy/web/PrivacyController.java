package org.relationcrm.privacy.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.relationcrm.privacy.AnonymisationOutcome;
import org.relationcrm.privacy.ExportedInteraction;
import org.relationcrm.privacy.PersonDataExported.ExportFormat;
import org.relationcrm.privacy.PersonFile;
import org.relationcrm.privacy.PrivacyService;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.web.CurrentUser;

/**
 * A person's GDPR requests: the privacy page (consents and their history, legal holds), the export of everything
 * held about them as a JSON file or a printable page, and their anonymisation, confirmed, on the version shown.
 */
@Controller
class PrivacyController {

    /** The export's writer: java.time values as ISO-8601 text, nulls kept (a field left empty is an answer too). */
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PrivacyService privacy;

    PrivacyController(PrivacyService privacy) {
        this.privacy = privacy;
    }

    @GetMapping("/contacts/{id}/privacy")
    String page(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("privacy", privacy.page(id, me.actor()));
        return "privacy/person";
    }

    /**
     * Everything held about the person as one JSON document, downloaded: their record, consents and history,
     * complaints, survey answers, orders and requests naming them, then their interactions streamed page by page
     * (constant memory, whatever the history's length).
     */
    @GetMapping("/contacts/{id}/privacy/export.json")
    void exportJson(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, HttpServletResponse response)
            throws IOException {
        PersonFile file = privacy.file(id, me.actor(), ExportFormat.JSON); // 404 before any byte is written
        response.setContentType("application/json; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"person-" + id + ".json\"");
        response.setHeader("Cache-Control", "no-store");
        OutputStream out = response.getOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeName("exportedAt");
            json.writePOJO(file.exportedAt());
            json.writeName("person");
            json.writePOJO(file.person());
            json.writeName("consentHistory");
            json.writePOJO(file.consentHistory());
            json.writeName("complaints");
            json.writePOJO(file.complaints());
            json.writeName("surveyAnswers");
            json.writePOJO(file.surveyAnswers());
            json.writeName("orders");
            json.writePOJO(file.orders());
            json.writeName("requestsMentioningThem");
            json.writePOJO(file.requestsMentioningThem());
            json.writeName("interactions");
            json.writeStartArray();
            privacy.interactions(id, me.actor(), json::writePOJO);
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    /** The same as a page to read or print (the browser's print gives a PDF). */
    @GetMapping("/contacts/{id}/privacy/print")
    String print(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        PersonFile file = privacy.file(id, me.actor(), ExportFormat.PRINT);
        List<ExportedInteraction> interactions = new ArrayList<>();
        privacy.interactions(id, me.actor(), interactions::add);
        model.addAttribute("file", file);
        model.addAttribute("interactions", interactions);
        return "privacy/print";
    }

    /**
     * Anonymises the person as the page showed them, once the user ticked the confirmation; refused with its reasons
     * while a legal hold applies; already done, says so.
     */
    @PostMapping("/contacts/{id}/privacy/anonymise")
    String anonymise(@PathVariable long id, @RequestParam(required = false) Long version,
                     @RequestParam(defaultValue = "false") boolean confirm, @AuthenticationPrincipal CurrentUser me,
                     Model model, HttpServletResponse response, RedirectAttributes redirect) {
        if (version == null || !confirm) {
            model.addAttribute("privacy", privacy.page(id, me.actor()));
            model.addAttribute("anonymiseError", version == null ? "edit.version.missing" : "privacy.anonymise.confirmRequired");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "privacy/person";
        }
        AnonymisationOutcome outcome;
        try {
            outcome = privacy.anonymise(id, version, me.actor());
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            model.addAttribute("privacy", privacy.page(id, me.actor()));
            model.addAttribute("anonymiseError", "privacy.anonymise.stale");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "privacy/person";
        }
        switch (outcome) {
            case AnonymisationOutcome.Refused refused -> {
                model.addAttribute("privacy", privacy.page(id, me.actor()));
                model.addAttribute("refused", refused.reasons());
                response.setStatus(HttpServletResponse.SC_CONFLICT);
                return "privacy/person";
            }
            case AnonymisationOutcome.AlreadyAnonymised already ->
                    redirect.addFlashAttribute("flash", "flash.privacy.alreadyAnonymised");
            case AnonymisationOutcome.Anonymised done -> redirect.addFlashAttribute("flash", "flash.privacy.anonymised");
        }
        return "redirect:/contacts/" + id + "/privacy";
    }
}
