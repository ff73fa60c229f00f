package org.relationcrm.interaction.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.relationcrm.client.ClientRecordService;
import org.relationcrm.client.ContactCard;
import org.relationcrm.shared.web.AlreadyDone;
import org.relationcrm.team.web.CurrentUser;
import org.relationcrm.shared.web.FormErrors;
import org.relationcrm.interaction.Direction;
import org.relationcrm.interaction.Interaction;
import org.relationcrm.interaction.InteractionService;
import org.relationcrm.interaction.LogInteraction;
import org.relationcrm.interaction.Sentiment;
import org.relationcrm.playbook.PlaybookReadService;
import org.relationcrm.playbook.Situation;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;

/**
 * Logging an interaction with a company or a person, and marking its next step done. Reached from the 360°
 * record in one click; saving brings the user back to the timeline with the new entry on top.
 */
@Controller
class InteractionController {

    private static final String FORM = "interactions/form";

    private final InteractionService interactions;
    private final ClientRecordService records;
    private final PlaybookReadService playbooks;
    private final Clock clock;

    InteractionController(InteractionService interactions, ClientRecordService records, PlaybookReadService playbooks,
                          Clock clock) {
        this.interactions = interactions;
        this.records = records;
        this.playbooks = playbooks;
        this.clock = clock;
    }

    /**
     * The person the user came from is ticked ({@code contact}, from a person's page or card); without one, the
     * company's only person when it has exactly one. The channel is the link's when it names one (a list's "call"
     * is PHONE), else the one the user chose last time.
     */
    @GetMapping("/clients/{companyId}/interactions/new")
    String newForCompany(@PathVariable long companyId, @RequestParam(required = false) Long contact,
                         @RequestParam(required = false) Channel channel,
                         @AuthenticationPrincipal CurrentUser me, Model model) {
        List<ContactCard> people = companyForm(companyId, model);
        Set<Long> ticked = contact != null ? Set.of(contact)
                : people.size() == 1 ? Set.of(people.getFirst().id()) : Set.of();
        model.addAttribute("form", InteractionForm.startingNow(now(), interactions.lastChosenChannel(me.actor()), ticked)
                .on(channel));
        return FORM;
    }

    @PostMapping("/clients/{companyId}/interactions")
    String logForCompany(@PathVariable long companyId, @Valid @ModelAttribute("form") InteractionForm form,
                         BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                         RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            companyForm(companyId, model);
            return moodGuide(form.sentiment(), me, model);
        }
        try {
            interactions.logByHand(toEntry(companyId, form), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            companyForm(companyId, model);
            return moodGuide(form.sentiment(), me, model);
        }
        redirect.addFlashAttribute("flash", "flash.interaction.logged");
        return "redirect:/clients/" + companyId;
    }

    @GetMapping("/contacts/{contactId}/interactions/new")
    String newForPerson(@PathVariable long contactId, @AuthenticationPrincipal CurrentUser me, Model model) {
        ContactCard person = records.personRecord(contactId).contact();
        if (person.companyId() != null) {
            return "redirect:/clients/" + person.companyId() + "/interactions/new?contact=" + contactId;
        }
        model.addAttribute("form", InteractionForm.startingNow(now(), interactions.lastChosenChannel(me.actor()),
                Set.of(contactId)));
        return personForm(person, model);
    }

    @PostMapping("/contacts/{contactId}/interactions")
    String logForPerson(@PathVariable long contactId, @Valid @ModelAttribute("form") InteractionForm form,
                        BindingResult errors, @AuthenticationPrincipal CurrentUser me, Model model,
                        RedirectAttributes redirect) {
        ContactCard person = records.personRecord(contactId).contact();
        if (errors.hasErrors()) {
            personForm(person, model);
            return moodGuide(form.sentiment(), me, model);
        }
        var withPerson = new InteractionForm(form.channel(), form.direction(), form.occurredAt(), Set.of(contactId),
                form.subject(), form.summary(), form.outcome(), form.sentiment(), form.nextStepAction(),
                form.nextStepDue());
        try {
            interactions.logByHand(toEntry(person.companyId(), withPerson), me.actor());
        } catch (RuleViolation broken) {
            FormErrors.show(broken, errors);
            personForm(person, model);
            return moodGuide(form.sentiment(), me, model);
        }
        redirect.addFlashAttribute("flash", "flash.interaction.logged");
        return "redirect:/contacts/" + contactId;
    }

    /**
     * The guide the form shows, under the client's mood, when the mood chosen is negative: the "angry client" one
     * (htmx asks as the mood changes; the form also shows it when it comes back with a message). Any other mood:
     * nothing, and no statement.
     */
    @GetMapping("/interactions/mood-guide")
    String moodGuideCard(@RequestParam(required = false) Sentiment sentiment, @AuthenticationPrincipal CurrentUser me,
                         Model model) {
        moodGuide(sentiment, me, model);
        return model.getAttribute("moodGuide") != null ? "fragments/playbook :: moodGuide" : "fragments/playbook :: none";
    }

    private String moodGuide(Sentiment sentiment, CurrentUser me, Model model) {
        if (sentiment == Sentiment.NEGATIVE) {
            playbooks.shown(Situation.ANGRY_CLIENT, me.id()).ifPresent(guide -> model.addAttribute("moodGuide", guide));
        }
        return FORM;
    }

    /**
     * Marks a follow-up done, as the user saw it, and goes back where the user clicked, staying inside the
     * application. Done meanwhile (a colleague, another tab, a double click): nothing is done twice, a 409 says so.
     */
    @PostMapping("/interactions/{id}/next-step/done")
    String completeNextStep(@PathVariable long id, @RequestParam long version,
                            @RequestParam(required = false) String back, @AuthenticationPrincipal CurrentUser me,
                            Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String backUrl = back != null && back.matches("^/(clients|contacts)/\\d+$") ? back : null;
        Interaction interaction;
        try {
            interaction = interactions.completeNextStep(id, version, me.actor());
        } catch (StaleEditException | OptimisticLockingFailureException | IllegalStateException e) {
            return AlreadyDone.page(model, response, "done.nextStep", backUrl != null ? backUrl : "/",
                    "done.nextStep.back");
        }
        redirect.addFlashAttribute("flash", "flash.nextStep.done");
        if (backUrl != null) {
            return "redirect:" + backUrl;
        }
        return interaction.companyId() != null ? "redirect:/clients/" + interaction.companyId() : "redirect:/clients";
    }

    private LogInteraction toEntry(Long companyId, InteractionForm form) {
        return new LogInteraction(companyId, form.contactIds(), form.channel(), form.direction(),
                form.occurredAt().atZone(clock.getZone()).toInstant(), form.subject(), form.summary(), form.outcome(),
                form.sentiment(), form.nextStepAction(), form.nextStepDue());
    }

    /** The company's side of the form; returns its people, whom the form lists to tick. */
    private List<ContactCard> companyForm(long companyId, Model model) {
        var company = records.companyCard(companyId);
        List<ContactCard> people = records.peopleForForm(companyId);
        model.addAttribute("companyId", companyId);
        model.addAttribute("clientName", company.name());
        model.addAttribute("people", people);
        model.addAttribute("action", "/clients/" + companyId + "/interactions");
        model.addAttribute("cancel", "/clients/" + companyId);
        choices(model);
        return people;
    }

    private String personForm(ContactCard person, Model model) {
        model.addAttribute("clientName", person.fullName());
        model.addAttribute("people", List.of());
        model.addAttribute("action", "/contacts/" + person.id() + "/interactions");
        model.addAttribute("cancel", "/contacts/" + person.id());
        return choices(model);
    }

    private String choices(Model model) {
        model.addAttribute("channels", Channel.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("sentiments", Sentiment.values());
        return FORM;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withSecond(0).withNano(0);
    }
}
