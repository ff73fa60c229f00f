package org.relationcrm.api.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring MVC's refusals that happen before any API controller is chosen (no such route: 404, a method the route
 * does not take: 405, a body type it does not read: 415), for {@code /api/} paths: problem details too, not the
 * pages' HTML error page. Those with an API controller chosen are {@link ApiExceptionHandling}'s.
 */
@Component
class ApiErrorResponses implements HandlerExceptionResolver, Ordered {

    private final ApiProblems problems;

    ApiErrorResponses(ApiProblems problems) {
        this.problems = problems;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception ex) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/") || !(ex instanceof ErrorResponse error)
                || (handler instanceof HandlerMethod method
                    && method.getBeanType().getPackageName().equals(getClass().getPackageName()))) {
            return null;
        }
        try {
            error.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            problems.write(request, response, HttpStatus.valueOf(error.getStatusCode().value()),
                    ApiExceptionHandling.codeOf(ex, error.getStatusCode()), ApiExceptionHandling.argsOf(ex));
            return new ModelAndView();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
