package org.relationcrm.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's mapping of requests to controller methods, which finds the methods of a path with variables
 * ({@code /clients/42/interactions}) among those of its first segment ({@code clients}) instead of among all of them.
 * <p>
 * Spring looks a path without variables up in a map, but tests a path with variables against every mapping of the
 * application, each through its method, parameters, headers and media types before its path: with some 200 mappings,
 * that was 6 % of the app's CPU for a timeline page and 11 % for logging an interaction (JFR, demo data). A literal
 * first segment of a pattern can only match a path with that first segment, so the mappings are grouped by it once
 * they are known; those whose first segment is a variable or a wildcard are tried for every path.
 * <p>
 * Whatever this lookup does not settle goes to Spring's own, unchanged: a path without variables, a CORS pre-flight,
 * no match (Spring's 404, 405, 406 and 415 with their reasons) and two equally good matches (its error).
 */
final class FirstSegmentHandlerMapping extends RequestMappingHandlerMapping {

    /** Mappings of patterns whose first segment is literal, by that segment; a mapping may sit under several. */
    private Map<String, List<RequestMappingInfo>> byFirstSegment = Map.of();
    /** Mappings with a pattern whose first segment is not literal ({@code /{x}/…}, {@code /**}). */
    private List<RequestMappingInfo> anyFirstSegment = List.of();
    /** The paths of mappings without variables, which Spring's own lookup finds in its map. */
    private Set<String> directPaths = Set.of();
    private Map<RequestMappingInfo, HandlerMethod> handlers = Map.of();

    @Override
    protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
        super.handlerMethodsInitialized(handlerMethods);
        Map<String, List<RequestMappingInfo>> bySegment = new HashMap<>();
        List<RequestMappingInfo> anySegment = new ArrayList<>();
        Set<String> direct = new HashSet<>();
        for (RequestMappingInfo info : handlerMethods.keySet()) {
            direct.addAll(info.getDirectPaths());
            if (info.getPathPatternsCondition() == null) {
                anySegment.add(info);
                continue;
            }
            Set<String> segments = new HashSet<>();
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String segment = literalFirstSegment(pattern.getPatternString());
                if (segment == null) {
                    anySegment.add(info);
                    segments.clear();
                    break;
                }
                segments.add(segment);
            }
            segments.forEach(segment -> bySegment.computeIfAbsent(segment, s -> new ArrayList<>()).add(info));
        }
        this.byFirstSegment = Map.copyOf(bySegment);
        this.anyFirstSegment = List.copyOf(anySegment);
        this.directPaths = Set.copyOf(direct);
        this.handlers = Map.copyOf(handlerMethods);
    }

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        if (directPaths.contains(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Match> matches = new ArrayList<>(2);
        for (RequestMappingInfo candidate : candidates(lookupPath)) {
            RequestMappingInfo narrowed = getMatchingMapping(candidate, request);
            if (narrowed != null) {
                matches.add(new Match(candidate, narrowed));
            }
        }
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        Match best = matches.getFirst();
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> byMapping = getMappingComparator(request);
            Comparator<Match> comparator = (a, b) -> byMapping.compare(a.narrowed(), b.narrowed());
            matches.sort(comparator);
            best = matches.getFirst();
            if (comparator.compare(best, matches.get(1)) == 0) {
                return super.lookupHandlerMethod(lookupPath, request); // Spring's "ambiguous handler methods"
            }
        }
        HandlerMethod handler = handlers.get(best.registered());
        request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, handler);
        handleMatch(best.narrowed(), lookupPath, request);
        return handler;
    }

    /** The mappings that may match a path: those of its first segment, then those of any first segment. */
    List<RequestMappingInfo> candidates(String lookupPath) {
        List<RequestMappingInfo> ofSegment = byFirstSegment.getOrDefault(firstSegment(lookupPath), List.of());
        if (anyFirstSegment.isEmpty()) {
            return ofSegment;
        }
        List<RequestMappingInfo> all = new ArrayList<>(ofSegment);
        all.addAll(anyFirstSegment);
        return all;
    }

    /** A mapping that matches the request: as registered, and narrowed to the request (as Spring compares them). */
    private record Match(RequestMappingInfo registered, RequestMappingInfo narrowed) {
    }

    /** "/clients/42/timeline" → "clients"; "/" → "". */
    static String firstSegment(String path) {
        int start = path.startsWith("/") ? 1 : 0;
        int end = path.indexOf('/', start);
        return end < 0 ? path.substring(start) : path.substring(start, end);
    }

    /** The pattern's first segment when it is literal, else null ("/{id}", "/**", "/api*"). */
    static String literalFirstSegment(String pattern) {
        String segment = firstSegment(pattern);
        return segment.contains("{") || segment.contains("*") || segment.contains("?") ? null : segment;
    }
}
