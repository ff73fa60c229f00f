package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class DirectRequestAttributesTests {

    static final class PlainWrapper extends HttpServletRequestWrapper {
        PlainWrapper(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return "/wrapped" + super.getRequestURI();
        }
    }

    static final class AttributeKeepingWrapper extends HttpServletRequestWrapper {
        AttributeKeepingWrapper(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            return "special".equals(name) ? "kept by the wrapper" : super.getAttribute(name);
        }
    }

    @Test
    void throughPlainWrappersAttributesAreReadAndWrittenOnTheInnermostRequestAndAllElseThroughTheWrappers() {
        var innermost = new MockHttpServletRequest("GET", "/clients");
        HttpServletRequest wrapped = new PlainWrapper(new PlainWrapper(innermost));
        innermost.setAttribute("me", "Sophie");

        HttpServletRequest rendering = DirectRequestAttributes.forRendering(wrapped);

        assertThat(rendering).isNotSameAs(wrapped);
        assertThat(rendering.getAttribute("me")).isEqualTo("Sophie");
        rendering.setAttribute("page", 2);
        assertThat(innermost.getAttribute("page")).isEqualTo(2);
        assertThat(wrapped.getAttribute("page")).isEqualTo(2);
        rendering.removeAttribute("page");
        assertThat(wrapped.getAttribute("page")).isNull();
        assertThat(rendering.getRequestURI()).isEqualTo("/wrapped/wrapped/clients");
    }

    @Test
    void aWrapperWithAttributesOfItsOwnIsGoneThroughAsBefore() {
        var innermost = new MockHttpServletRequest("GET", "/clients");
        HttpServletRequest wrapped = new PlainWrapper(new AttributeKeepingWrapper(innermost));

        HttpServletRequest rendering = DirectRequestAttributes.forRendering(wrapped);

        assertThat(rendering).isSameAs(wrapped);
        assertThat(rendering.getAttribute("special")).isEqualTo("kept by the wrapper");
    }

    @Test
    void aForwardOrAnErrorDispatchIsLeftAsItIs() {
        var innermost = new MockHttpServletRequest("GET", "/clients");
        innermost.setDispatcherType(DispatcherType.ERROR);
        HttpServletRequest wrapped = new PlainWrapper(innermost);

        assertThat(DirectRequestAttributes.forRendering(wrapped)).isSameAs(wrapped);
    }

    @Test
    void anUnwrappedRequestIsUsedAsItIs() {
        var request = new MockHttpServletRequest("GET", "/clients");
        assertThat(DirectRequestAttributes.forRendering(request)).isSameAs(request);
    }
}
