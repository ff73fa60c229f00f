package org.relationcrm.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import org.relationcrm.feedback.SurveySent;
import org.relationcrm.interaction.InteractionLogged;

/**
 * The business counters of /actuator/prometheus, counted from the domain events (crm-core knows nothing of
 * Micrometer): {@code relation_interactions_logged_total{channel}} and {@code relation_surveys_sent_total{sent_by}}.
 * A plain listener, not a transactional one, so that Spring Modulith keeps no publication row for it; it counts once
 * the transaction that published the event has committed (nothing for a rolled-back one).
 */
@Component
class BusinessMetrics {

    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(InteractionLogged logged) {
        afterCommit(Counter.builder("relation.interactions.logged")
                .description("Interactions logged (by hand, meeting reports, complaints)")
                .tag("channel", logged.channel().name()).register(registry));
    }

    @EventListener
    void on(SurveySent sent) {
        afterCommit(Counter.builder("relation.surveys.sent")
                .description("Satisfaction surveys sent, by email or as a link to pass on")
                .tag("sent_by", sent.byEmail() ? "email" : "link").register(registry));
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
