package org.relationcrm.shared;

import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The company that runs Relation ({@code relation.company-name}, env {@code RELATION_COMPANY_NAME}): what its clients
 * read as the sender of a survey. Empty until set; the messages then name only the person who asks.
 */
@Component
public class OurCompany {

    private final String name;

    public OurCompany(@Value("${relation.company-name:}") String name) {
        this.name = name == null || name.isBlank() ? null : name.strip();
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }
}
