package org.relationcrm.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.RuleViolation;
import org.relationcrm.shared.SaneDates;
import org.relationcrm.shared.Text;
import org.relationcrm.team.Actor;
import org.relationcrm.team.Permission;

/**
 * A deal with a company. While open it always has a next step with a due date; every stage change is kept;
 * concessions granted in the negotiation are recorded with their counterpart, and once the discounts add up to
 * more than the threshold (in percent of the amount), each one beyond it waits for a manager before the deal can
 * be won.
 */
@Entity
@Table(name = "opportunity")
public class Opportunity {

    // The limits, declared here only: the forms' @Size read them.
    public static final int MAX_TITLE = 200;
    public static final int MAX_NEXT_STEP = 500;
    public static final int MAX_LOST_COMMENT = 1_000;
    public static final int MAX_CONTACTS = 20;
    public static final int MAX_PRODUCT_LINES = 20;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "company_id", nullable = false)
    private long companyId;

    @ElementCollection
    @CollectionTable(name = "opportunity_contact", joinColumns = @JoinColumn(name = "opportunity_id"))
    @Column(name = "contact_id")
    private Set<Long> contactIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "opportunity_product_line", joinColumns = @JoinColumn(name = "opportunity_id"))
    @Column(name = "product_line_id")
    private Set<Long> productLineIds = new HashSet<>();

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Stage stage;

    @Column(nullable = false)
    private int probability;

    @Column(name = "expected_close_on", nullable = false)
    private LocalDate expectedCloseOn;

    @Column(name = "owner_id", nullable = false)
    private long ownerId;

    @Enumerated(EnumType.STRING)
    private OpportunitySource source;

    @Column(name = "next_step")
    private String nextStep;

    @Column(name = "next_step_due")
    private LocalDate nextStepDue;

    @Enumerated(EnumType.STRING)
    @Column(name = "lost_reason")
    private LostReason lostReason;

    @Column(name = "lost_comment")
    private String lostComment;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "stage_entered_at", nullable = false)
    private Instant stageEnteredAt;

    @Column(name = "last_activity_at", nullable = false)
    private Instant lastActivityAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "opportunity_id", nullable = false, updatable = false)
    @OrderBy("changedAt, id")
    private List<StageChange> stageChanges = new ArrayList<>();

    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "opportunity_id", nullable = false, updatable = false)
    @OrderBy("grantedAt, id")
    private List<Concession> concessions = new ArrayList<>();

    protected Opportunity() {
    }

    private Opportunity(long companyId, Stage stage, OpportunityDetails details, NextStepPlan next, Actor actor,
                        Instant now, PipelineSettings settings) {
        if (stage == null || !stage.isOpen()) {
            throw new RuleViolation("stage", "opportunity.stage.open");
        }
        this.companyId = companyId;
        this.stage = stage;
        this.createdAt = now;
        this.stageEnteredAt = now;
        this.lastActivityAt = now;
        apply(details, settings);
        planNext(next, now);
        stageChanges.add(new StageChange(null, null, stage, now, actor.userId()));
    }

    /** A new deal, in an open stage, with its first next step. The probability defaults to the stage's. */
    public static Opportunity open(long companyId, Stage stage, OpportunityDetails details, NextStepPlan next,
                                   Actor actor, Instant now, PipelineSettings settings) {
        return new Opportunity(companyId, stage, details, next, actor, now, settings);
    }

    /** Those who manage deals manage their own; those who manage all deals (a manager) manage all of them. */
    public boolean canBeManagedBy(Actor actor) {
        return managedBy(ownerId, actor);
    }

    public static boolean managedBy(long ownerId, Actor actor) {
        return actor.can(Permission.MANAGE_ALL_DEALS) || (actor.can(Permission.MANAGE_DEALS) && actor.userId() == ownerId);
    }

    /** Rewrites what is written about the deal. A closed deal is history and is not rewritten. */
    public void revise(OpportunityDetails details, Instant now, PipelineSettings settings) {
        requireOpen();
        apply(details, settings);
        this.lastActivityAt = now;
    }

    private void apply(OpportunityDetails details, PipelineSettings settings) {
        RuleViolation.Collector broken = RuleViolation.collect();
        String t = broken.check(() -> Text.required(details.title(), MAX_TITLE, "title"));
        broken.unless(details.amount() != null && details.amount().signum() >= 0, "amount", "opportunity.amount.invalid");
        String cur = details.currency() == null || details.currency().isBlank() ? "EUR" : details.currency().strip();
        broken.unless(cur.matches("[A-Z]{3}"), "currency", "opportunity.currency.invalid");
        Integer p = details.probability();
        broken.unless(p == null || (p >= 0 && p <= 100), "probability", "opportunity.probability.invalid");
        broken.unless(details.expectedCloseOn() != null, "expectedCloseOn", RuleViolation.REQUIRED);
        broken.unless(details.contactIds().size() <= MAX_CONTACTS, "contactIds", "opportunity.contacts.tooMany",
                MAX_CONTACTS);
        broken.unless(details.productLineIds().size() <= MAX_PRODUCT_LINES, "productLineIds",
                "opportunity.productLines.tooMany", MAX_PRODUCT_LINES);
        broken.throwIfAny();
        this.title = t;
        this.amount = details.amount();
        this.currency = cur;
        this.probability = p != null ? p : settings.probabilityOf(stage);
        this.expectedCloseOn = SaneDates.require(details.expectedCloseOn(), "expectedCloseOn");
        this.ownerId = details.ownerId();
        this.source = details.source();
        this.contactIds.clear();
        this.contactIds.addAll(details.contactIds());
        this.productLineIds.clear();
        this.productLineIds.addAll(details.productLineIds());
    }

    /**
     * Moves the deal to another stage. An open stage needs the next step; LOST needs a reason and a comment;
     * WON needs every discount that took the deal's total discount above the threshold approved by a manager.
     * Closing records when.
     */
    public StageChange moveTo(Stage to, NextStepPlan next, LostReason reason, String comment, Actor actor,
                              Instant now, PipelineSettings settings) {
        requireOpen();
        if (to == null) {
            throw RuleViolation.required("stage");
        }
        if (to == stage) {
            throw new RuleViolation("stage", "opportunity.stage.same");
        }
        switch (to) {
            case WON -> {
                if (hasPendingApproval()) {
                    // a discount above the threshold waits for a manager's approval
                    throw new RuleViolation(null, "opportunity.won.pendingApproval");
                }
                close(now);
            }
            case LOST -> {
                RuleViolation.Collector broken = RuleViolation.collect();
                broken.unless(reason != null, "lostReason", "opportunity.lost.reasonRequired");
                boolean explained = comment != null && !comment.isBlank();
                broken.unless(explained, "lostComment", "opportunity.lost.commentRequired");
                String c = explained ? broken.check(() -> Text.required(comment, MAX_LOST_COMMENT, "lostComment")) : null;
                broken.throwIfAny();
                this.lostReason = reason;
                this.lostComment = c;
                close(now);
            }
            default -> planNext(next, now);
        }
        StageChange change = new StageChange(stage, stageEnteredAt, to, now, actor.userId());
        stageChanges.add(change);
        this.probability = settings.probabilityOf(to);
        this.stage = to;
        this.stageEnteredAt = now;
        this.lastActivityAt = now;
        return change;
    }

    private void close(Instant now) {
        this.closedAt = now;
        this.nextStep = null;
        this.nextStepDue = null;
    }

    /** Records the next step (follow-up done, or plan changed). Required while the deal is open. */
    public void planNextStep(NextStepPlan next, Instant now) {
        requireOpen();
        planNext(next, now);
        this.lastActivityAt = now;
    }

    private void planNext(NextStepPlan next, Instant now) {
        // an open opportunity needs a next step with a due date
        RuleViolation.Collector broken = RuleViolation.collect();
        boolean hasAction = next != null && next.action() != null && !next.action().isBlank();
        broken.unless(hasAction, "nextStepAction", "opportunity.nextStep.required");
        broken.unless(next != null && next.dueOn() != null, "nextStepDue", "interaction.nextStep.dueRequired");
        String action = hasAction ? broken.check(() -> Text.required(next.action(), MAX_NEXT_STEP, "nextStepAction"))
                : null;
        broken.throwIfAny();
        this.nextStep = action;
        this.nextStepDue = SaneDates.require(next.dueOn(), "nextStepDue");
    }

    /**
     * The next step a move to another open stage can keep without asking: the current one while it is not overdue.
     * None (so a new one is asked) when the deal has none, or when its date has passed.
     */
    public Optional<NextStepPlan> nextStepStillDue(LocalDate today) {
        return nextStep == null || nextStepDue == null || nextStepDue.isBefore(today)
                ? Optional.empty() : Optional.of(new NextStepPlan(nextStep, nextStepDue));
    }

    /** The same next step, on another day (today or later). */
    public void rescheduleNextStep(LocalDate dueOn, LocalDate today, Instant now) {
        requireOpen();
        if (dueOn == null || dueOn.isBefore(today)) {
            throw new IllegalArgumentException("a next step is rescheduled to today or later");
        }
        planNextStep(new NextStepPlan(nextStep, dueOn), now);
    }

    /**
     * Gives the open deal to another owner, with its next step. Who may give deals away, and to whom, is the
     * service's to check ({@link Permission#MANAGE_ALL_DEALS}, an owner who manages deals).
     */
    public void handOver(long newOwnerId) {
        requireOpen();
        this.ownerId = newOwnerId;
    }

    /** Something happened on the deal (a meeting, a call): it is not stale. */
    public void touch(Instant now) {
        this.lastActivityAt = now;
    }

    public Concession grantConcession(ConcessionType type, ValueKind kind, BigDecimal value, Counterpart counterpart,
                                      String counterpartDetail, Actor actor, Instant now, PipelineSettings settings) {
        requireOpen();
        Concession concession = new Concession(type, kind, value, amount, counterpart, counterpartDetail,
                actor.userId(), now);
        if (concession.isDiscount() && discountPercentWith(concession)
                .compareTo(BigDecimal.valueOf(settings.discountApprovalThreshold())) > 0) {
            concession.awaitApproval();
        }
        concessions.add(concession);
        this.lastActivityAt = now;
        return concession;
    }

    /**
     * The discounts on the deal, with {@code next}, as a percentage of the deal's amount (an amount off is converted,
     * a refused discount is not counted). The approval threshold applies to this total, not to each line: ten small
     * discounts are one large one.
     */
    private BigDecimal discountPercentWith(Concession next) {
        return concessions.stream()
                .filter(c -> c.isDiscount() && c.approval() != ApprovalStatus.REJECTED)
                .map(c -> c.percentOf(amount))
                .reduce(next.percentOf(amount), BigDecimal::add);
    }

    /**
     * A manager approves or refuses a discount above the threshold. A refused one is not counted as given.
     * The decision is activity on the deal, so two managers deciding at the same moment cannot both win.
     */
    public Concession decideConcession(long concessionId, boolean approve, Actor manager, Instant now) {
        if (!manager.can(Permission.APPROVE_CONCESSIONS)) {
            throw new IllegalArgumentException("only a manager approves concessions");
        }
        Concession concession = concessions.stream().filter(c -> c.id() != null && c.id() == concessionId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no such concession on this opportunity"));
        concession.decide(approve, manager.userId(), now);
        this.lastActivityAt = now;
        return concession;
    }

    public boolean hasPendingApproval() {
        return concessions.stream().anyMatch(Concession::isPending);
    }

    /** Money given away so far: every concession except the refused ones. */
    public BigDecimal totalConceded() {
        return concessions.stream().filter(c -> c.approval() != ApprovalStatus.REJECTED)
                .map(Concession::moneyValue).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal weightedAmount() {
        return amount.multiply(BigDecimal.valueOf(probability)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
    }

    /** The total conceded as a percentage of the initial amount. */
    public BigDecimal concededPercent() {
        return amount.signum() == 0 ? BigDecimal.ZERO
                : totalConceded().multiply(BigDecimal.valueOf(100)).divide(amount, 1, RoundingMode.HALF_UP);
    }

    private void requireOpen() {
        if (!stage.isOpen()) {
            throw new IllegalStateException("this opportunity is closed");
        }
    }

    public OpportunityDetails details() {
        return new OpportunityDetails(title, amount, currency, probability, expectedCloseOn, ownerId, source,
                contactIds, productLineIds);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public long companyId() {
        return companyId;
    }

    public Set<Long> contactIds() {
        return Set.copyOf(contactIds);
    }

    public Set<Long> productLineIds() {
        return Set.copyOf(productLineIds);
    }

    public String title() {
        return title;
    }

    public BigDecimal amount() {
        return amount;
    }

    public String currency() {
        return currency;
    }

    public Stage stage() {
        return stage;
    }

    public int probability() {
        return probability;
    }

    public LocalDate expectedCloseOn() {
        return expectedCloseOn;
    }

    public long ownerId() {
        return ownerId;
    }

    public OpportunitySource source() {
        return source;
    }

    public String nextStep() {
        return nextStep;
    }

    public LocalDate nextStepDue() {
        return nextStepDue;
    }

    public LostReason lostReason() {
        return lostReason;
    }

    public String lostComment() {
        return lostComment;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant stageEnteredAt() {
        return stageEnteredAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public List<StageChange> stageChanges() {
        return List.copyOf(stageChanges);
    }

    public List<Concession> concessions() {
        return List.copyOf(concessions);
    }
}
