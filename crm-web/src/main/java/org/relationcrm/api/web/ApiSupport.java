package org.relationcrm.api.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;

import org.relationcrm.api.ApiPage;
import org.relationcrm.api.ApiQueries;
import org.relationcrm.shared.RuleViolation;

/** What every API controller shares: keyset cursors, limits, ETags and If-Match. */
final class ApiSupport {

    static final int DEFAULT_LIMIT = 50;

    private ApiSupport() {
    }

    /** One page of a list: the items, the cursor of the next page and its link (both null on the last page). */
    record ListPage<T>(List<T> items, String next, String nextLink) {
    }

    /** A cursor is opaque to callers: the last id read, base64url-encoded. Null or blank: the first page. */
    static long after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            long id = Long.parseLong(decoded);
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ApiRequestException.badParameter("cursor");
        }
    }

    static String cursor(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(id).getBytes(StandardCharsets.UTF_8));
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > ApiQueries.MAX_LIMIT) {
            throw ApiRequestException.badParameter("limit", ApiQueries.MAX_LIMIT);
        }
        return limit;
    }

    /** The page as JSON, with the next page's link also in a {@code Link: <...>; rel="next"} header. */
    static <T> ResponseEntity<ListPage<T>> list(ApiPage<T> page) {
        if (page.nextAfter() == null) {
            return ResponseEntity.ok(new ListPage<>(page.items(), null, null));
        }
        String next = cursor(page.nextAfter());
        // the same request (path, filters, limit) from the next cursor on
        // a path, never built from the Host header (as the pages' redirects: RelativeRedirects)
        HttpServletRequest request = currentRequest();
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("after")) {
                builder.queryParam(name, (Object[]) values);
            }
        });
        String link = builder.queryParam("after", next).build().encode().toUriString();
        return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + link + ">; rel=\"next\"")
                .body(new ListPage<>(page.items(), next, link));
    }

    private static HttpServletRequest currentRequest() {
        return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static <T> ResponseEntity<T> one(T resource, ToLongFunction<T> version) {
        return ResponseEntity.ok().eTag(etag(version.applyAsLong(resource))).body(resource);
    }

    static <T> ResponseEntity<T> created(T resource, long id, ToLongFunction<T> version) {
        URI location = UriComponentsBuilder.fromPath(currentRequest().getRequestURI()).path("/{id}")
                .buildAndExpand(id).toUri();
        return ResponseEntity.created(location).eTag(etag(version.applyAsLong(resource))).body(resource);
    }

    /**
     * The version the caller saw, from {@code If-Match} (the ETag of its read): required for every update (428
     * without), so nobody overwrites a change they have not seen; a value that is no ETag of ours is stale (412).
     */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new ApiRequestException(HttpStatus.PRECONDITION_REQUIRED, "ifMatchRequired");
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ApiRequestException(HttpStatus.PRECONDITION_FAILED, "ifMatchInvalid");
        }
    }

    /**
     * Runs a service call whose broken rules name the fields as the domain does, and names them as the API's JSON
     * does ({@code contactId} is the API's {@code personId}...), so each error points at a field the caller sent.
     */
    static <T> T naming(Map<String, String> apiNames, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuleViolation e) {
            throw new RuleViolation(e.broken().stream().map(b -> new RuleViolation.Broken(
                    b.field() == null ? null : apiNames.getOrDefault(b.field(), b.field()), b.code(), b.args()))
                    .toList());
        }
    }

    /** The value sent, else the current one: what PATCH does with each field. */
    static <T> T or(T sent, T current) {
        return sent != null ? sent : current;
    }
}
