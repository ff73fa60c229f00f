package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The application's own request mapping (first segment first) sends every route of the application to the method
 * Spring's own lookup sends it to, with the same path variables.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FirstSegmentHandlerMappingTests {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;
    @Autowired
    ApplicationContext context;

    @Test
    void theApplicationUsesIt() {
        assertThat(mapping).isInstanceOf(FirstSegmentHandlerMapping.class);
    }

    @Test
    void everyRouteWithVariablesGoesWhereSpringWouldSendIt() throws Exception {
        RequestMappingHandlerMapping spring = new RequestMappingHandlerMapping();
        spring.setApplicationContext(context);
        mapping.getHandlerMethods().forEach((info, handler) -> spring.registerMapping(info, handler.getBean(),
                handler.getMethod()));
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> route : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = route.getKey();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                if (!pattern.getPatternString().contains("{")) {
                    continue;
                }
                String path = pattern.getPatternString().replaceAll("\\{\\*?[^}]+}", "12");
                for (RequestMethod method : info.getMethodsCondition().getMethods().isEmpty()
                        ? List.of(RequestMethod.GET) : info.getMethodsCondition().getMethods()) {
                    MockHttpServletRequest ours = request(method, path);
                    MockHttpServletRequest theirs = request(method, path);
                    assertThat(outcome(mapping, ours)).as(method + " " + path).isEqualTo(outcome(spring, theirs));
                    assertThat(ours.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).as(method + " " + path)
                            .isEqualTo(theirs.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(50).contains("POST /clients/12/interactions", "GET /clients/12");
        assertThat(outcome(mapping, request(RequestMethod.POST, "/clients/12/interactions")))
                .contains("InteractionController.logForCompany");
    }

    @Test
    void aPathIsTriedAgainstTheRoutesOfItsFirstSegmentOnly() {
        var candidates = ((FirstSegmentHandlerMapping) mapping).candidates("/clients/12/interactions");
        assertThat(candidates).isNotEmpty().hasSizeLessThan(mapping.getHandlerMethods().size() / 4)
                .allSatisfy(info -> assertThat(info.getPatternValues()).allMatch(p -> p.startsWith("/clients")))
                .anySatisfy(info -> assertThat(mapping.getHandlerMethods().get(info).getMethod().getName())
                        .isEqualTo("logForCompany"));
    }

    @Test
    void aPathNoRouteTakesIsLeftToSpring() throws Exception {
        assertThat(mapping.getHandler(request(RequestMethod.GET, "/clients/12/nothing-here"))).isNull();
    }

    @Test
    void segments() {
        assertThat(FirstSegmentHandlerMapping.firstSegment("/clients/42/timeline")).isEqualTo("clients");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/clients")).isEqualTo("clients");
        assertThat(FirstSegmentHandlerMapping.firstSegment("/")).isEmpty();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/api/v1/companies/{id}")).isEqualTo("api");
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/{tenant}/clients")).isNull();
        assertThat(FirstSegmentHandlerMapping.literalFirstSegment("/**")).isNull();
    }

    /** The method a request is sent to, or the error that says why none takes it (a 405, a 415). */
    private static String outcome(RequestMappingHandlerMapping mapping, MockHttpServletRequest request) {
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            return chain == null ? "none" : ((HandlerMethod) chain.getHandler()).getMethod().toString();
        } catch (Exception refused) {
            return refused.getClass().getName();
        }
    }

    private static MockHttpServletRequest request(RequestMethod method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method.name(), path);
        request.setContentType("application/x-www-form-urlencoded");
        ServletRequestPathUtils.parseAndCache(request);
        return request;
    }
}
