package org.relationcrm.insight.web;

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

import org.relationcrm.insight.InsightDashboard;
import org.relationcrm.insight.KpiFigure;
import org.relationcrm.insight.SummaryMailer;
import org.relationcrm.insight.SummarySubscriptions;
import org.relationcrm.shared.BaseUrl;

/**
 * The weekly KPI summary through Spring Mail, in the language the manager chose it in. Without
 * {@code spring.mail.host} there is no {@link JavaMailSender}: nothing is sent (and it is sent again next time).
 */
@Component
class MailSummaryMailer implements SummaryMailer {

    private static final Logger log = LoggerFactory.getLogger(MailSummaryMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final MessageSource messages;
    private final KpiTexts texts;
    private final BaseUrl baseUrl;
    private final String from;

    MailSummaryMailer(ObjectProvider<JavaMailSender> sender, MessageSource messages, KpiTexts texts, BaseUrl baseUrl,
                      @Value("${relation.mail.from:relation@localhost}") String from) {
        this.sender = sender;
        this.messages = messages;
        this.texts = texts;
        this.baseUrl = baseUrl;
        this.from = from;
    }

    /** The summary's text in {@code locale}. */
    String body(SummarySubscriptions.Subscriber to, InsightDashboard dashboard, Locale locale) {
        String month = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", locale)
                .format(dashboard.filter().period().start());
        StringBuilder text = new StringBuilder()
                .append(messages.getMessage("insight.mail.greeting", new Object[]{to.fullName()}, locale)).append("\n\n")
                .append(messages.getMessage("insight.mail.intro", new Object[]{month}, locale)).append("\n\n");
        for (KpiFigure f : dashboard.figures()) {
            text.append("- ").append(messages.getMessage("insight.mail.line", new Object[]{
                    messages.getMessage("kpi." + f.kpi(), null, locale), texts.value(f.kpi(), f.value(), locale),
                    texts.value(f.kpi(), f.previous(), locale)}, locale)).append('\n');
        }
        return text.append('\n')
                .append(messages.getMessage("insight.mail.footer", new Object[]{baseUrl.link("/insight")}, locale))
                .append('\n').toString();
    }

    @Override
    public boolean send(SummarySubscriptions.Subscriber to, InsightDashboard dashboard) {
        Locale locale = Locale.forLanguageTag(to.language());
        String month = java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", locale)
                .format(dashboard.filter().period().start());
        JavaMailSender mailer = sender.getIfAvailable();
        if (mailer == null) {
            log.info("No SMTP server configured (spring.mail.host): weekly KPI summary to {} not sent", to.email());
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.email());
        message.setSubject(messages.getMessage("insight.mail.subject", new Object[]{month}, locale));
        message.setText(body(to, dashboard, locale));
        try {
            mailer.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Weekly KPI summary to {} failed: {}", to.email(), e.getMessage());
            return false;
        }
    }
}
