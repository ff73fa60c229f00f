package org.relationcrm.feedback.web;

import java.util.Locale;

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

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.feedback.NoEmailConsentException;
import org.relationcrm.feedback.PublicSurvey;
import org.relationcrm.feedback.SentSurvey;
import org.relationcrm.feedback.Survey;
import org.relationcrm.feedback.SurveyClosedException;
import org.relationcrm.feedback.SurveyKind;
import org.relationcrm.feedback.SurveyService;
import org.relationcrm.feedback.SurveyTheme;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.StaleEditException;

/**
 * Sending a survey from the 360° page (by email or as a link to copy), filing an answer under a theme, and the
 * public answer page reached by the single-use link, with no login, in the person's language.
 */
@Controller
class SurveyController {

    private final SurveyService surveys;
    private final ClientRecordService records;

    SurveyController(SurveyService surveys, ClientRecordService records) {
        this.surveys = surveys;
        this.records = records;
    }

    @PostMapping("/clients/{companyId}/surveys")
    String send(@PathVariable long companyId, @RequestParam long contactId, @RequestParam SurveyKind kind,
                @RequestParam(defaultValue = "EMAIL") String via, @AuthenticationPrincipal CurrentUser me,
                RedirectAttributes redirect) {
        Long personCompany = records.personRecord(contactId).contact().companyId();
        if (personCompany == null || personCompany != companyId) {
            throw new IllegalArgumentException("the person must belong to the client");
        }
        try {
            SentSurvey sent = surveys.send(kind, contactId, "EMAIL".equals(via), me.actor());
            redirect.addFlashAttribute("flash", sent.emailed() ? "flash.survey.emailed" : "flash.survey.link");
            redirect.addFlashAttribute("surveyLink", sent.link());
        } catch (NoEmailConsentException e) {
            redirect.addFlashAttribute("feedbackError", "survey.error.noConsent");
        }
        return "redirect:/clients/" + companyId + "#feedback-surveys";
    }

    @PostMapping("/surveys/{id}/theme")
    String theme(@PathVariable long id, @RequestParam long version, @RequestParam SurveyTheme theme,
                 @AuthenticationPrincipal CurrentUser me, RedirectAttributes redirect) {
        Survey survey;
        try {
            survey = surveys.categorise(id, version, theme, me.actor());
            redirect.addFlashAttribute("flash", "flash.survey.themed");
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            // filed meanwhile by someone else: the card shows the theme now, and says why nothing changed
            survey = surveys.get(id);
            redirect.addFlashAttribute("feedbackError", "survey.theme.conflict");
        }
        return survey.companyId() == null ? "redirect:/contacts/" + survey.contactId()
                : "redirect:/clients/" + survey.companyId() + "#feedback-surveys";
    }

    /** The public page. Shown in the person's language: a first visit switches to it (?lang=..., a cookie). */
    @GetMapping("/s/{token}")
    String page(@PathVariable String token, @RequestParam(required = false) String lang,
                @RequestParam(required = false) String done, Locale locale, Model model,
                HttpServletResponse response) {
        PublicSurvey survey;
        try {
            survey = surveys.open(token);
        } catch (NotFoundException e) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("state", "UNKNOWN");
            return "survey/public";
        }
        if (lang == null && !survey.language().equals(locale.getLanguage())) {
            return "redirect:/s/" + token + "?lang=" + survey.language() + (done != null ? "&done" : "");
        }
        model.addAttribute("survey", survey);
        if (done != null && survey.refusal() == Survey.Refusal.ALREADY_ANSWERED) {
            model.addAttribute("state", "THANKS");
        } else if (survey.refusal() != null) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("state", survey.refusal().name());
        } else {
            model.addAttribute("state", "OPEN");
        }
        return "survey/public";
    }

    @PostMapping("/s/{token}")
    String answer(@PathVariable String token, @RequestParam(required = false) Integer score,
                  @RequestParam(required = false) String comment, Locale locale, Model model,
                  HttpServletResponse response) {
        if (score == null) {
            model.addAttribute("missingScore", true);
            return page(token, locale.getLanguage(), null, locale, model, response);
        }
        try {
            surveys.answer(token, score, comment);
        } catch (SurveyClosedException | OptimisticLockingFailureException e) {
            // Answered already, or at the same moment by another submission (a double click): the page says so.
            return page(token, locale.getLanguage(), null, locale, model, response);
        } catch (NotFoundException e) {
            return page(token, locale.getLanguage(), null, locale, model, response);
        }
        return "redirect:/s/" + token + "?done&lang=" + locale.getLanguage();
    }
}
