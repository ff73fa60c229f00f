package org.relationcrm.feedback;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyRepository;
import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.shared.BaseUrl;
import org.relationcrm.shared.OurCompany;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.User;
import org.relationcrm.team.UserRepository;

/**
 * Surveys: sent by hand from the 360° page, after a closed complaint (CSAT) or 30 days after a win (NPS); answered
 * once on a public page; a detractor or a dissatisfied answer gives the client's owner a follow-up in 2 working days.
 */
@Service
@Transactional
public class SurveyService {

    private static final Logger log = LoggerFactory.getLogger(SurveyService.class);

    private final SurveyRepository surveys;
    private final ContactRepository contacts;
    private final CompanyRepository companies;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SurveyMailer> mailer;
    private final FeedbackSettings settings;
    private final Clock clock;
    private final BaseUrl baseUrl;
    private final OurCompany ourCompany;

    public SurveyService(SurveyRepository surveys, ContactRepository contacts, CompanyRepository companies,
                         UserRepository users, ApplicationEventPublisher events, ObjectProvider<SurveyMailer> mailer,
                         FeedbackSettings settings, Clock clock, BaseUrl baseUrl, OurCompany ourCompany) {
        this.surveys = surveys;
        this.contacts = contacts;
        this.companies = companies;
        this.users = users;
        this.events = events;
        this.mailer = mailer;
        this.settings = settings;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.ourCompany = ourCompany;
    }

    /** Sent by hand: by email (consent required) or as a link the agent copies and sends another way. */
    public SentSurvey send(SurveyKind kind, long contactId, boolean byEmail, Actor actor) {
        actor.require(Permission.SEND_SURVEYS);
        Contact person = contacts.findById(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
        if (byEmail && !canEmail(person)) {
            throw new NoEmailConsentException();
        }
        Survey survey = surveys.save(Survey.prepare(kind, person.companyId(), contactId, person.details().language(),
                SurveyTrigger.MANUAL, null, actor.userId(), clock.instant(), null));
        return deliver(survey, person, byEmail, actor);
    }

    /** CSAT right away to the person who complained. */
    void complaintClosed(Complaint complaint, Actor actor) {
        Contact person = contacts.findById(complaint.contactId()).orElseThrow();
        Survey survey = surveys.save(Survey.prepare(SurveyKind.CSAT, complaint.companyId(), person.id(),
                person.details().language(), SurveyTrigger.COMPLAINT_CLOSED, complaint.id(), actor.userId(),
                clock.instant(), null));
        deliver(survey, person, canEmail(person), actor);
    }

    /** NPS planned {@code relation.feedback.nps-after-won-days} after a win, sent by {@link #sendPlanned()}. */
    void planAfterWin(long companyId, long contactId, long opportunityId, long ownerId, LocalDate wonOn) {
        Contact person = contacts.findById(contactId).orElseThrow(() -> new NotFoundException("Contact", contactId));
        surveys.save(Survey.prepare(SurveyKind.NPS, companyId, contactId, person.details().language(),
                SurveyTrigger.OPPORTUNITY_WON, opportunityId, ownerId, clock.instant(),
                wonOn.plusDays(settings.npsAfterWonDays())));
    }

    /** Sends the planned surveys due today or before (run daily by the scheduler). Returns how many went out. */
    public int sendPlanned() {
        List<Survey> due = surveys.findTop200BySentAtIsNullAndSendOnLessThanEqualOrderBySendOnAsc(LocalDate.now(clock));
        for (Survey survey : due) {
            Contact person = contacts.findById(survey.contactId()).orElseThrow();
            User sender = users.findById(survey.createdBy()).orElseThrow();
            deliver(survey, person, canEmail(person), sender.asActor());
        }
        return due.size();
    }

    private SentSurvey deliver(Survey survey, Contact person, boolean byEmail, Actor actor) {
        survey.markSent(clock.instant(), byEmail, settings.surveyValidityDays());
        String link = link(survey);
        boolean emailed = false;
        if (byEmail) {
            SurveyMail mail = new SurveyMail(person.details().email(), person.greetingName(), survey.language(),
                    survey.kind(), link, askedBy(survey), ourCompany.name().orElse(null));
            SurveyMailer sender = mailer.getIfAvailable();
            if (sender != null) {
                emailed = sender.send(mail);
            } else {
                log.info("No mail sender: survey email to {} not sent, link {}", mail.to(), link);
            }
        }
        events.publishEvent(new SurveySent(survey.id(), survey.companyId(), person.id(), survey.kind(), byEmail, actor));
        log.info("Survey {} {} for contact {}: {}", survey.id(), survey.kind(), person.id(), emailed ? "emailed" : "link");
        return new SentSurvey(survey, link, emailed);
    }

    public String link(Survey survey) {
        return baseUrl.link("/s/" + survey.token());
    }

    private static boolean canEmail(Contact person) {
        return person.details().email() != null && person.consent().allows(Channel.EMAIL);
    }

    @Transactional(readOnly = true)
    public PublicSurvey open(String token) {
        Survey survey = byToken(token);
        return new PublicSurvey(token, survey.kind(), survey.language(), askedBy(survey),
                ourCompany.name().orElse(null), survey.refusal(clock.instant()), survey.score());
    }

    /** The person the client knows: who sent the survey, or planned it (a care plan's NPS after a win). */
    private String askedBy(Survey survey) {
        return users.findById(survey.createdBy()).map(User::fullName).orElse(null);
    }

    /** The person's answer, from the public page. Refuses a second answer and an expired link. */
    public Survey answer(String token, int score, String comment) {
        Survey survey = byToken(token);
        boolean followUp = survey.answer(score, comment, clock.instant());
        Company company = survey.companyId() == null ? null : companies.findById(survey.companyId()).orElseThrow();
        long ownerId = company != null ? company.ownerId() : survey.createdBy();
        User owner = users.findById(ownerId).orElseThrow();
        LocalDate followUpDue = followUp ? FeedbackSettings.addWorkingDays(LocalDate.now(clock), 2) : null;
        Contact person = contacts.findById(survey.contactId()).orElseThrow();
        events.publishEvent(new SurveyAnswered(survey.id(), survey.companyId(), person.id(), person.fullName(),
                survey.kind(), score, survey.comment(), followUpDue, owner.asActor()));
        return survey;
    }

    /** Files the answer under a theme, as the user saw it: if it was filed meanwhile, nothing is changed. */
    public Survey categorise(long surveyId, long expectedVersion, SurveyTheme theme, Actor actor) {
        actor.require(Permission.SEND_SURVEYS);
        Survey survey = surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("Survey", surveyId));
        if (survey.version() != expectedVersion) {
            throw new StaleEditException("Survey", expectedVersion, survey.version());
        }
        survey.categorise(theme);
        return survey;
    }

    @Transactional(readOnly = true)
    public Survey get(long surveyId) {
        return surveys.findById(surveyId).orElseThrow(() -> new NotFoundException("Survey", surveyId));
    }

    private Survey byToken(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{20,64}")) {
            throw new NotFoundException("Survey", "?");
        }
        return surveys.findByToken(token).orElseThrow(() -> new NotFoundException("Survey", "?"));
    }
}
