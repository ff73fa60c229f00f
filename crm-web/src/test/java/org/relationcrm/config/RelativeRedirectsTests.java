package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The page remembered before the login is an absolute URL built from the Host header: only its path is kept. */
class RelativeRedirectsTests {

    @Test
    void anAbsoluteUrlKeepsItsPathAndQueryOnly() {
        assertThat(RelativeRedirects.pathOf("http://evil.example:8080/risk?continue")).isEqualTo("/risk?continue");
        assertThat(RelativeRedirects.pathOf("https://evil.example")).isEqualTo("/");
        assertThat(RelativeRedirects.pathOf("http://x/clients/12/a%20b")).isEqualTo("/clients/12/a%20b");
        assertThat(RelativeRedirects.pathOf("http://x//evil.example/")).isEqualTo("/evil.example/");
    }
}
