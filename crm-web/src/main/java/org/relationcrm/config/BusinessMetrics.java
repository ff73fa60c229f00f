package org.relationcrm.config;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.relationcrm.feedback.SurveySent;
import org.relationcrm.interaction.InteractionLogged;
import org.relationcrm.shared.Channel;

/**
 * The business counters of /actuator/prometheus, counted from the domain events (crm-core knows nothing of
 * Micrometer): {@code relation_interactions_logged_total{channel}} and {@code relation_surveys_sent_total{sent_by}}.
 * A plain listener, not a transactional one, so that Spring Modulith keeps no publication row for it; it counts once
 * the transaction that published the event has committed (nothing for a rolled-back one).
 */
@Component
class BusinessMetrics {

    private final Map<Channel, Counter> interactionsLogged = new EnumMap<>(Channel.class);
    private final Counter surveysByEmail;
    private final Counter surveysAsLink;

    /** Every series exists from the start, at 0, so that a rate over the first one is right. */
    BusinessMetrics(MeterRegistry registry) {
        for (Channel channel : Channel.values()) {
            interactionsLogged.put(channel, Counter.builder("relation.interactions.logged")
                    .description("Interactions logged (by hand, meeting reports, complaints)")
                    .tag("channel", channel.name()).register(registry));
        }
        surveysByEmail = surveysSent(registry, "email");
        surveysAsLink = surveysSent(registry, "link");
    }

    private static Counter surveysSent(MeterRegistry registry, String sentBy) {
        return Counter.builder("relation.surveys.sent")
                .description("Satisfaction surveys sent, by email or as a link to pass on")
                .tag("sent_by", sentBy).register(registry);
    }

    @EventListener
    void on(InteractionLogged logged) {
        afterCommit(interactionsLogged.get(logged.channel()));
    }

    @EventListener
    void on(SurveySent sent) {
        afterCommit(sent.byEmail() ? surveysByEmail : surveysAsLink);
    }

    private static void afterCommit(Counter counter) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            counter.increment();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                counter.increment();
            }
        });
    }
}
