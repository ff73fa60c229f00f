package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the log lines of a request carry: its id (echoed when sane, else new) and the signed-in user, then nothing. */
class RequestLogContextTests {

    final List<String> seen = new ArrayList<>();
    final FilterChain recording = (request, response) ->
            seen.add(MDC.get(RequestLogContext.REQUEST_ID) + "|" + MDC.get(RequestLogContext.USER));

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSaneIncomingIdIsKeptInTheLogsAndEchoed() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/clients");
        request.addHeader("X-Request-Id", "proxy-1a2b:3c.4_d");
        MockHttpServletResponse response = new MockHttpServletResponse();

        new RequestLogContext().doFilter(request, response, recording);

        assertThat(seen).containsExactly("proxy-1a2b:3c.4_d|null");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("proxy-1a2b:3c.4_d");
        assertThat(MDC.get(RequestLogContext.REQUEST_ID)).as("gone after the request").isNull();
    }

    @Test
    void aMissingOrForgedIdIsReplacedByANewOne() throws Exception {
        for (String bad : new String[]{null, "", "two words", "line\nbreak", "x".repeat(65), "<script>", "é"}) {
            seen.clear();
            MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
            if (bad != null) {
                request.addHeader("X-Request-Id", bad);
            }
            MockHttpServletResponse response = new MockHttpServletResponse();

            new RequestLogContext().doFilter(request, response, recording);

            String id = response.getHeader("X-Request-Id");
            assertThat(id).as(String.valueOf(bad))
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(seen).containsExactly(id + "|null");
        }
    }

    @Test
    void theSignedInUserIsInTheLogsAnAnonymousVisitorIsNot() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "marie", null, AuthorityUtils.createAuthorityList("PERM_LOG_INTERACTIONS")));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
        request.addHeader("X-Request-Id", "r1");
        FilterChain withUser = (req, res) -> RequestLogContext.user().doFilter(req, res, recording);

        new RequestLogContext().doFilter(request, new MockHttpServletResponse(), withUser);
        assertThat(seen).containsExactly("r1|marie");
        assertThat(MDC.get(RequestLogContext.USER)).isNull();

        seen.clear();
        SecurityContextHolder.getContext().setAuthentication(new AnonymousAuthenticationToken("key", "anonymousUser",
                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
        MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/login");
        anonymous.addHeader("X-Request-Id", "r2");
        new RequestLogContext().doFilter(anonymous, new MockHttpServletResponse(), withUser);
        assertThat(seen).containsExactly("r2|null");
    }
}
