package org.relationcrm.request;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.relationcrm.shared.Department;
import org.relationcrm.shared.RuleViolation;

/**
 * The service level of one kind of request received by one department: answered within so many working hours.
 * Set by an administrator; the defaults come with the schema (V40).
 */
@Entity
@Table(name = "request_service_level")
public class ServiceLevel {

    public static final int MIN_HOURS = 1;
    /** Four working weeks. */
    public static final int MAX_HOURS = 180;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Department department;

    @Column(name = "target_hours", nullable = false)
    private int targetHours;

    protected ServiceLevel() {
    }

    public ServiceLevel(RequestKind kind, Department department, int targetHours) {
        this.kind = kind;
        this.department = department;
        change(targetHours);
    }

    /** A new target, within {@link #MIN_HOURS} and {@link #MAX_HOURS} working hours. */
    public void change(int hours) {
        if (hours < MIN_HOURS || hours > MAX_HOURS) {
            throw new RuleViolation("hours", "request.level.range", MIN_HOURS, MAX_HOURS);
        }
        this.targetHours = hours;
    }

    public Long id() { return id; }
    public long version() { return version; }
    public RequestKind kind() { return kind; }
    public Department department() { return department; }
    public int targetHours() { return targetHours; }
}
