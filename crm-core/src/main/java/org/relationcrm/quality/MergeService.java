package org.relationcrm.quality;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.relationcrm.client.ClientService;
import org.relationcrm.client.Company;
import org.relationcrm.client.CompanyDetails;
import org.relationcrm.client.CompanyRepository;
import org.relationcrm.shared.NotFoundException;
import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.StaleEditException;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * Merging two records of the same company, and undoing it. The survivor keeps its id and takes, field by field, the
 * values chosen from the loser; every row of every feature that pointed at the loser now points at the survivor; the
 * loser's address redirects to the survivor; the survivor's timeline says who merged what. Both records are merged
 * as the user saw them (their versions), and the merge can be undone for {@link #UNDO_WINDOW}.
 */
@Service
@Transactional
public class MergeService {

    public static final Duration UNDO_WINDOW = Duration.ofDays(30);
    /** Message codes of the rules said here (the web shows them). */
    public static final String SAME_COMPANY = "quality.merge.same";
    public static final String UNDO_TOO_LATE = "quality.undo.tooLate";
    public static final String ALREADY_UNDONE = "quality.undo.already";
    public static final String SURVIVOR_GONE = "quality.undo.survivorGone";
    /** The web's word when the database refuses an undo: a SIREN of the two is held by another company since. */
    public static final String UNDO_SIREN_TAKEN = "quality.undo.sirenTaken";

    private final ClientService clients;
    private final CompanyRepository companies;
    private final MergeStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public MergeService(ClientService clients, CompanyRepository companies, MergeStore store,
                        ApplicationEventPublisher events, Clock clock) {
        this.clients = clients;
        this.companies = companies;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Merges {@code loserId} into {@code survivorId}, each as of the version the user saw; {@code fromLoser}: the
     * fields whose value the survivor takes from the loser. Returns the merge's id.
     */
    public long merge(long survivorId, long survivorVersion, long loserId, long loserVersion,
                      Set<MergeField> fromLoser, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        if (survivorId == loserId) {
            throw new RuleViolation(null, SAME_COMPANY);
        }
        Company survivor = clients.company(survivorId);
        Company loser = clients.company(loserId);
        if (survivor.version() != survivorVersion) {
            throw new StaleEditException("Company", survivorVersion, survivor.version());
        }
        CompanyDetails merged = MergeField.pick(survivor.details(), loser.details(), fromLoser);
        String loserName = loser.name();
        // the rows move and the loser goes first (in SQL, locking both), so the survivor may take its SIREN
        long mergeId = store.merge(survivorId, loserId, loserVersion, fromLoser, actor.userId(), clock.instant());
        clients.reviseCompany(survivorId, survivorVersion, merged, actor);
        events.publishEvent(new CompaniesMerged(mergeId, survivorId, loserId, loserName, actor));
        return mergeId;
    }

    /** Puts both companies back as they were before the merge, each with its own rows; within 30 days. */
    public void undo(long mergeId, Actor actor) {
        actor.require(Permission.MERGE_CLIENTS);
        MergeRecord merge = store.find(mergeId).orElseThrow(() -> new NotFoundException("Merge", mergeId));
        Instant now = clock.instant();
        if (merge.undone()) {
            throw new RuleViolation(null, ALREADY_UNDONE);
        }
        if (!canStillUndo(merge, now)) {
            throw new RuleViolation(null, UNDO_TOO_LATE, UNDO_WINDOW.toDays());
        }
        if (!companies.existsById(merge.survivorId())) {
            throw new RuleViolation(null, SURVIVOR_GONE);
        }
        Company survivor = clients.company(merge.survivorId());
        CompanyDetails afterMerge = MergeField.pick(merge.survivorBefore(), merge.loserDetails(), merge.fromLoser());
        CompanyDetails restored = MergeField.undo(merge.survivorBefore(), afterMerge, survivor.details());
        // the survivor's SIREN goes back first: the loser may take its own again
        clients.reviseCompany(survivor.id(), survivor.version(), restored, actor);
        companies.flush();
        store.undo(mergeId, actor.userId(), now);
        events.publishEvent(new MergeUndone(mergeId, merge.survivorId(), merge.loserName(), merge.loserId(), actor));
        events.publishEvent(new MergeUndone(mergeId, merge.loserId(), restored.name(), merge.survivorId(), actor));
    }

    public boolean canStillUndo(MergeRecord merge, Instant now) {
        return !merge.undone() && merge.mergedAt().plus(UNDO_WINDOW).isAfter(now);
    }

    @Transactional(readOnly = true)
    public Optional<Long> survivorOf(long companyId) {
        return store.survivorOf(companyId);
    }

    @Transactional(readOnly = true)
    public Optional<MergeRecord> find(long mergeId) {
        return store.find(mergeId);
    }

    /** The merges of the last 30 days (those that can still be undone, and those undone), newest first. */
    @Transactional(readOnly = true)
    public List<MergeRecord> recent(int limit) {
        return store.recent(clock.instant().minus(UNDO_WINDOW), limit);
    }
}
