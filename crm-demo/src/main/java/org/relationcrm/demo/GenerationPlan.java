package org.relationcrm.demo;

import java.util.List;
import java.util.Objects;

import org.relationcrm.shared.Department;

/**
 * What {@link DemoDataGenerator} writes: how many companies, people and interactions, from which seed (the same
 * plan on the same day gives the same data), and the users who own the companies and author the interactions.
 * About 3 % of the people are private customers, with no company.
 */
public record GenerationPlan(int companies, int contacts, int interactions, long seed, List<Staff> staff) {

    public GenerationPlan {
        if (companies < 0 || contacts < 0 || interactions < 0) {
            throw new IllegalArgumentException("counts cannot be negative");
        }
        staff = List.copyOf(Objects.requireNonNull(staff, "staff"));
        if (staff.isEmpty() && (companies > 0 || interactions > 0)) {
            throw new IllegalArgumentException("companies need an owner and interactions an author: give at least one user");
        }
        if (interactions > 0 && companies == 0 && contacts == 0) {
            throw new IllegalArgumentException("interactions need a company or a person to be with");
        }
        if (staff.stream().map(Staff::userId).distinct().count() != staff.size()) {
            throw new IllegalArgumentException("each user may appear only once");
        }
    }

    /**
     * A user the generated data is shared between. Sales people own the companies; everyone given here authors
     * interactions, signed with their department (leave out those who may not log interactions, like admins).
     */
    public record Staff(long userId, Department department) {

        public Staff {
            Objects.requireNonNull(department, "department");
        }
    }
}
