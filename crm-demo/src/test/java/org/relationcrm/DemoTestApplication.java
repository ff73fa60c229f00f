package org.relationcrm;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import org.relationcrm.team.PasswordHasher;

/** The demo module's tests run the generators on the core services and the persistence layer, without the web. */
@SpringBootApplication
public class DemoTestApplication {

    /** The web module hashes with BCrypt; here any one-way-looking value will do. */
    @Bean
    PasswordHasher passwordHasher() {
        return clear -> "{test}" + Integer.toHexString(clear.hashCode());
    }
}
