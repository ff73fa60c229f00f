package org.relationcrm.feedback.web;

import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import org.relationcrm.feedback.SurveyMail;
import org.relationcrm.feedback.SurveyMailer;

/**
 * Survey emails through Spring Mail, in the person's language. Without {@code spring.mail.host} there is no
 * {@link JavaMailSender}: the email is logged and the agent copies the link shown on the page.
 */
@Component
class MailSurveyMailer implements SurveyMailer {

    private static final Logger log = LoggerFactory.getLogger(MailSurveyMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final String from;

    MailSurveyMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages,
                     @Value("${relation.mail.from:relation@localhost}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.from = from;
    }

    @Override
    public boolean send(SurveyMail mail) {
        Locale locale = Locale.forLanguageTag(mail.language());
        // who asks: our company when its name is set, else the person who sent it
        String asker = mail.ourCompany() != null ? mail.ourCompany() : mail.askedBy();
        String subject = messages.getMessage("survey.mail.subject." + mail.kind(), new Object[]{asker}, locale);
        String body = messages.getMessage("survey.mail.body", new Object[]{mail.greetingName(),
                messages.getMessage("survey.question." + mail.kind(), null, locale), mail.link(),
                mail.askedBy()}, locale);
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            log.info("No SMTP server configured (spring.mail.host): survey email to {} not sent. Subject: {}. Link: {}",
                    mail.to(), subject, mail.link());
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(mail.to());
        message.setSubject(subject);
        message.setText(body);
        try {
            mailer.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Survey email to {} failed: {}", mail.to(), e.getMessage());
            return false;
        }
    }
}
