package org.relationcrm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import org.relationcrm.team.PasswordHasher;

/** The persistence module's tests run the core services and the persistence layer, without the web. */
@SpringBootApplication
public class PersistenceTestApplication {

    /** The web module hashes with BCrypt; here any one-way-looking value will do. */
    @Bean
    PasswordHasher passwordHasher() {
        return clear -> "{test}" + Integer.toHexString(clear.hashCode());
    }
}
