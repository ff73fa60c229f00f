/**
 * Emails into the timeline: the dropbox mailbox (BCC or forward) read over IMAP, each email logged as an EMAIL
 * interaction on the client whose people wrote or received it; the emails no one could be matched with wait in a
 * queue where a user assigns them to a client or discards them. Writes through the interaction feature's API
 * ({@link org.relationcrm.interaction.InteractionService#log}), which publishes {@code InteractionLogged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mailbox",
        allowedDependencies = {"client", "interaction", "team", "team :: web", "shared :: web"})
package org.relationcrm.mailbox;
