package org.relationcrm.playbook.web;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.playbook.Guide;
import org.relationcrm.playbook.Language;
import org.relationcrm.playbook.Playbook;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.PlaybookRow;
import org.relationcrm.playbook.PlaybookService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.team.Permission;
import org.relationcrm.team.web.CurrentUser;

/**
 * The guides: their list (with their use, for managers), a guide's page in the reader's language, its history, the
 * form managers write and edit them with, and the vote a reader casts from a guide or a card in context.
 */
@Controller
class PlaybookController {

    private static final String FORM = "playbooks/form";

    private final PlaybookService playbooks;
    private final PlaybookReadService reads;

    PlaybookController(PlaybookService playbooks, PlaybookReadService reads) {
        this.playbooks = playbooks;
        this.reads = reads;
    }

    @GetMapping("/playbooks")
    String list(@AuthenticationPrincipal CurrentUser me, Model model) {
        List<PlaybookRow> rows = reads.list();
        Set<Situation> written = rows.stream().map(PlaybookRow::situation)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Situation.class)));
        model.addAttribute("rows", rows);
        model.addAttribute("missing", Arrays.stream(Situation.values()).filter(s -> !written.contains(s)).toList());
        model.addAttribute("canManage", me.can(Permission.MANAGE_PLAYBOOKS));
        return "playbooks/list";
    }

    /** A guide opened: counted as such. */
    @GetMapping("/playbooks/{id}")
    String guide(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        model.addAttribute("guide", reads.open(id, me.id()));
        model.addAttribute("canManage", me.can(Permission.MANAGE_PLAYBOOKS));
        return "playbooks/guide";
    }

    @GetMapping("/playbooks/{id}/history")
    String history(@PathVariable long id, @RequestParam(required = false) Integer before,
                   @AuthenticationPrincipal CurrentUser me, Model model) {
        Guide guide = reads.get(id, me.id());
        model.addAttribute("guide", guide);
        model.addAttribute("page", reads.history(id, before));
        model.addAttribute("languages", Language.values());
        return "playbooks/history";
    }

    @GetMapping("/playbooks/new")
    String newGuide(@RequestParam(required = false) Situation situation, Model model) {
        model.addAttribute("form", PlaybookForm.blank(situation));
        return form(model, null);
    }

    @PostMapping("/playbooks")
    String create(@Valid @ModelAttribute("form") PlaybookForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            return form(model, null);
        }
        Playbook created;
        try {
            created = playbooks.write(form.situation(), form.typed(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return form(model, null);
        } catch (DataIntegrityViolationException sameMoment) { // another manager wrote it at the same moment
            FormErrors.show(new RuleViolation("situation", PlaybookService.SITUATION_TAKEN), errors);
            return form(model, null);
        }
        redirect.addFlashAttribute("flash", "flash.playbook.created");
        return "redirect:/playbooks/" + created.id();
    }

    @GetMapping("/playbooks/{id}/edit")
    String edit(@PathVariable long id, @AuthenticationPrincipal CurrentUser me, Model model) {
        Guide guide = reads.get(id, me.id());
        model.addAttribute("form", PlaybookForm.of(guide));
        return form(model, guide);
    }

    /**
     * Saves a new version. Made on a version someone replaced meanwhile: nothing is written, the form comes back as
     * typed with the version saved meanwhile beside it.
     */
    @PostMapping("/playbooks/{id}")
    String revise(@PathVariable long id, @Valid @ModelAttribute("form") PlaybookForm form, BindingResult errors,
                  @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        Guide current = reads.get(id, me.id());
        if (form.version() == null) {
            errors.reject("edit.version.missing");
        }
        if (errors.hasErrors()) {
            return form(model, current);
        }
        try {
            playbooks.revise(id, form.version(), form.typed(), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            return form(model, current);
        } catch (StaleEditException | OptimisticLockingFailureException e) {
            errors.reject("playbook.form.conflict");
            model.addAttribute("stored", current);
            return form(model, current);
        }
        redirect.addFlashAttribute("flash", "flash.playbook.revised");
        return "redirect:/playbooks/" + id;
    }

    /**
     * A reader's vote on the version they read. From a card in context (htmx) the card's vote area comes back,
     * saying thanks; without JavaScript the reader goes back to the page they voted from (a path of this
     * application), else to the guide.
     */
    @PostMapping("/playbooks/{id}/votes")
    String vote(@PathVariable long id, @RequestParam int revision, @RequestParam boolean useful,
                @RequestParam(required = false) String back,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @AuthenticationPrincipal CurrentUser me, Model model, RedirectAttributes redirect) {
        playbooks.vote(id, revision, useful, me.actor());
        String backUrl = back != null && back.matches("^/[a-z0-9][a-z0-9/-]{0,200}$") ? back : null;
        if (htmx != null) {
            model.addAttribute("id", id);
            model.addAttribute("revision", revision);
            model.addAttribute("vote", useful);
            model.addAttribute("back", backUrl);
            model.addAttribute("thanks", true);
            return "fragments/playbook :: votes";
        }
        redirect.addFlashAttribute("flash", "flash.playbook.voted");
        return "redirect:" + (backUrl != null ? backUrl : "/playbooks/" + id);
    }

    private String form(Model model, Guide guide) {
        model.addAttribute("guide", guide);
        model.addAttribute("situations", Situation.values());
        return FORM;
    }
}
