package org.relationcrm.interaction;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.Contact;
import org.relationcrm.client.ContactRepository;
import org.relationcrm.interaction.internal.InteractionRepository;
import org.relationcrm.interaction.internal.LastChannels;
import org.relationcrm.shared.BulkOutcome;
import org.relationcrm.shared.Channel;
import org.relationcrm.shared.ForbiddenActionException;
import org.relationcrm.shared.ItemRef;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.ReadModel;
import org.relationcrm.shared.Slice;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;
import org.relationcrm.team.UserRepository;

/** Logging what happened with a client, following up on it, and reading the timeline. */
@Service
@Transactional
public class InteractionService {

    /** The entries a 360° page opens with: the recent story, light enough to show at once. */
    public static final int PAGE_SIZE = 25;
    /** The entries each "show more" adds, and a page starting at a chosen month holds. */
    public static final int NEXT_PAGE_SIZE = 50;
    /** The SQL standard's state of an insert whose foreign key names no row. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    /** Counting a history stops there ("more than 10 000"). */
    public static final int COUNT_CAP = 10_000;
    /** The channel of a user's first log form, before they have chosen one: most exchanges are calls. */
    public static final Channel FIRST_CHANNEL = Channel.PHONE;

    private final InteractionRepository interactions;
    private final ContactRepository contacts;
    private final TimelineQueries timelines;
    private final UserRepository users;
    private final LastChannels lastChannels;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    public InteractionService(InteractionRepository interactions,
                              ContactRepository contacts, TimelineQueries timelines, UserRepository users,
                              LastChannels lastChannels, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
        this.interactions = interactions;
        this.contacts = contacts;
        this.timelines = timelines;
        this.users = users;
        this.lastChannels = lastChannels;
        this.clock = clock;
    }

    /**
     * What the author wrote in the log form: logged, and its channel kept as the one their next form starts on,
     * whatever the device. Entries another action logs (a meeting's report) leave the choice as it was.
     */
    public Interaction logByHand(LogInteraction entry, Actor author) {
        Interaction logged = log(entry, author);
        lastChannels.remember(author.userId(), entry.channel(), clock.instant());
        return logged;
    }

    /** The channel the user chose the last time they logged by hand, else {@link #FIRST_CHANNEL}. */
    @ReadModel
    public Channel lastChosenChannel(Actor user) {
        return lastChannels.of(user.userId()).orElse(FIRST_CHANNEL);
    }

    public Interaction log(LogInteraction entry, Actor author) {
        if (!author.can(Permission.LOG_INTERACTIONS)) {
            throw new ForbiddenActionException("role " + author.role() + " cannot log interactions");
        }
        if (!entry.contactIds().isEmpty()) {
            List<Contact> people = contacts.findAllByIdIn(entry.contactIds());
            if (people.size() != entry.contactIds().size()) {
                throw new IllegalArgumentException("unknown person in the interaction");
            }
            boolean outsider = people.stream().anyMatch(p -> entry.companyId() == null
                    ? p.companyId() != null : !entry.companyId().equals(p.companyId()));
            if (outsider) {
                throw new IllegalArgumentException("every person in the interaction must belong to its client");
            }
        }
        Interaction logged;
        try {
            logged = interactions.save(Interaction.log(entry, author, clock.instant(), clock.getZone()));
        } catch (DataIntegrityViolationException refused) {
            // The client is checked by the insert's foreign key rather than by a query before it (a round trip
            // fewer per interaction logged). Its other keys are the author, who is signed in, and people, checked
            // above: a foreign key refused (SQLSTATE 23503) with a client named means that client does not exist.
            if (entry.companyId() != null && refused.getMostSpecificCause() instanceof SQLException sql
                    && FOREIGN_KEY_VIOLATION.equals(sql.getSQLState())) {
                throw new NotFoundException("Company", entry.companyId());
            }
            throw refused;
        }
        events.publishEvent(new InteractionLogged(logged.id(), logged.companyId(), logged.channel()));
        return logged;
    }

    /**
     * Marks the next step done, on the entry as the user saw it ({@code expectedVersion}): if it changed since (done
     * by someone else, another tab, the same click twice), nothing is done and {@link StaleEditException} says so.
     */
    public Interaction completeNextStep(long interactionId, long expectedVersion, Actor actor) {
        if (!actor.can(Permission.LOG_INTERACTIONS)) {
            throw new ForbiddenActionException("role " + actor.role() + " cannot follow up interactions");
        }
        Interaction interaction = interactions.findById(interactionId)
                .orElseThrow(() -> new NotFoundException("Interaction", interactionId));
        if (interaction.version() != expectedVersion) {
            throw new StaleEditException("Interaction", expectedVersion, interaction.version());
        }
        interaction.completeNextStep(actor, clock.instant());
        return interaction;
    }

    /**
     * Marks done the follow-ups the user selected, each as they saw it: one done, edited or gone meanwhile is left
     * as it is and counted as changed. One statement reads them all.
     */
    public BulkOutcome completeNextSteps(Collection<ItemRef> items, Actor actor) {
        requireFollowingUp(actor);
        return each(items, i -> true, i -> i.completeNextStep(actor, clock.instant()));
    }

    /** Moves the selected follow-ups to {@code dueOn} (today or later); only those the user may manage. */
    public BulkOutcome rescheduleNextSteps(Collection<ItemRef> items, LocalDate dueOn, Actor actor) {
        requireFollowingUp(actor);
        LocalDate today = LocalDate.now(clock);
        if (dueOn == null || dueOn.isBefore(today)) {
            throw new IllegalArgumentException("a follow-up is rescheduled to today or later");
        }
        return each(items, i -> i.nextStepManagedBy(actor), i -> i.rescheduleNextStep(dueOn, today, actor));
    }

    /** Hands the selected follow-ups on to an active user who follows up interactions. */
    public BulkOutcome reassignNextSteps(Collection<ItemRef> items, long assigneeId, Actor actor) {
        requireFollowingUp(actor);
        boolean able = users.findById(assigneeId)
                .filter(u -> u.enabled() && u.asActor().can(Permission.LOG_INTERACTIONS)).isPresent();
        if (!able) {
            throw new IllegalArgumentException("a follow-up goes to an active user who follows up interactions");
        }
        return each(items, i -> i.nextStepManagedBy(actor), i -> i.reassignNextStep(assigneeId, actor));
    }

    private BulkOutcome each(Collection<ItemRef> items, Predicate<Interaction> allowed, Consumer<Interaction> action) {
        if (items.isEmpty()) {
            return BulkOutcome.NONE;
        }
        return BulkOutcome.apply(items, interactions.findAllByIdIn(BulkOutcome.ids(items)), Interaction::id,
                Interaction::version, Interaction::hasOpenNextStep, allowed, action);
    }

    private static void requireFollowingUp(Actor actor) {
        if (!actor.can(Permission.LOG_INTERACTIONS)) {
            throw new ForbiddenActionException("role " + actor.role() + " cannot follow up interactions");
        }
    }

    @Transactional(readOnly = true)
    public Interaction get(long interactionId) {
        return interactions.findById(interactionId).orElseThrow(() -> new NotFoundException("Interaction", interactionId));
    }

    /** The newest entries when {@code before} is null ({@link #PAGE_SIZE}), else the next ones ({@link #NEXT_PAGE_SIZE}). */
    @ReadModel
    public Slice<TimelineEntry, TimelineCursor> timeline(TimelineScope scope, TimelineFilter filter, TimelineCursor before) {
        return timelines.page(scope, filter, before, before == null ? PAGE_SIZE : NEXT_PAGE_SIZE);
    }

    /**
     * How many entries the filter lets through: exact for a company's whole history; else {@link #COUNT_CAP} + 1
     * means "more than {@link #COUNT_CAP}".
     */
    @ReadModel
    public long timelineCount(TimelineScope scope, TimelineFilter filter) {
        return timelines.count(scope, filter, COUNT_CAP);
    }

    /** The newest {@link #PAGE_SIZE} entries and their {@link #timelineCount}. */
    @ReadModel
    public CountedTimeline firstTimelinePage(TimelineScope scope, TimelineFilter filter) {
        return timelines.firstPageCounted(scope, filter, PAGE_SIZE, COUNT_CAP);
    }
}
