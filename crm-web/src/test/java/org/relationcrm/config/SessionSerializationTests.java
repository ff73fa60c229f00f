package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.convert.ConversionService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** Session attributes to and from their stored bytes: a damaged one dropped, a signed-in user read once. */
class SessionSerializationTests {

    final ConversionService conversions = new SessionSerialization().springSessionConversionService();

    @Test
    void theSameStoredContextGivesANewContextAroundTheSameUser() {
        byte[] stored = conversions.convert(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "sophie", null, List.of(new SimpleGrantedAuthority("ROLE_SALES")))), byte[].class);

        SecurityContext first = (SecurityContext) conversions.convert(stored.clone(), Object.class);
        SecurityContext second = (SecurityContext) conversions.convert(stored.clone(), Object.class);

        assertThat(first.getAuthentication().getName()).isEqualTo("sophie");
        assertThat(second).as("each request may change its own context (a logout clears it)").isNotSameAs(first);
        assertThat(second.getAuthentication()).as("read once").isSameAs(first.getAuthentication());
        first.setAuthentication(null);
        assertThat(((SecurityContext) conversions.convert(stored.clone(), Object.class)).getAuthentication())
                .isSameAs(second.getAuthentication());
    }

    @Test
    void anotherUsersBytesGiveThatUser() {
        byte[] sophie = conversions.convert(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "sophie", null, List.of())), byte[].class);
        byte[] marc = conversions.convert(new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(
                "marc", null, List.of())), byte[].class);

        assertThat(((SecurityContext) conversions.convert(sophie, Object.class)).getAuthentication().getName())
                .isEqualTo("sophie");
        assertThat(((SecurityContext) conversions.convert(marc, Object.class)).getAuthentication().getName())
                .isEqualTo("marc");
    }

    @Test
    void otherAttributesAreReadEachTimeAndADamagedOneIsDropped() {
        byte[] stored = conversions.convert(new java.util.ArrayList<>(List.of("a")), byte[].class);

        Object first = conversions.convert(stored, Object.class);
        Object second = conversions.convert(stored, Object.class);

        assertThat(first).isEqualTo(List.of("a")).isNotSameAs(second);
        assertThat(conversions.convert(new byte[] {1, 2, 3}, Object.class)).isNull();
    }
}
