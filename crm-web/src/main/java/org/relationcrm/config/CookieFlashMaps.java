package org.relationcrm.config;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.AbstractFlashMapManager;

/**
 * The message a page shows after a redirect ("Saved.", My day's notice) travels in a short-lived signed cookie,
 * not in the session. The session lives in PostgreSQL: keeping the flash there wrote the session's row on every
 * post and again on the page after it, and the posts of one user (several tabs) waited for each other on that row
 * (the benchmark's "log an interaction": 12 ms of lock wait per post). Now a post changes nothing in its session.
 * <p>
 * The cookie holds the flash maps serialized and signed (HMAC-SHA256, a key drawn at start or
 * {@code relation.web.flash-key} when several instances serve the same users); a cookie that is not ours, damaged or
 * too old is ignored, and only the few types a flash holds are read back. A flash is an acknowledgement, not data:
 * one lost to a restart loses nothing the user saved.
 * <p>
 * A client that posts without following its redirects (a script, a tab closed mid-redirect) leaves its messages
 * waiting for a minute: only the newest that fit in the cookie are kept.
 * <p>
 * Spring MVC declares a session flash manager of its own under the same bean name; a scanned component of that name
 * takes its place (an {@code @Bean} method never overrides a scanned bean of another class).
 */
@Component(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class CookieFlashMaps extends AbstractFlashMapManager {

    static final String COOKIE = "relation-flash";
    /** A browser keeps about 4 KB per cookie; a flash is a few message keys. */
    private static final int MAX_COOKIE_CHARS = 3800;
    private static final String MAC = "HmacSHA256";
    private static final Logger log = LoggerFactory.getLogger(CookieFlashMaps.class);
    /** What a flash holds: texts, numbers, lists, our records of message keys; nothing else is read back. */
    private static final ObjectInputFilter ONLY_FLASH_TYPES = ObjectInputFilter.Config.createFilter(
            "maxdepth=12;maxrefs=500;maxbytes=8000;java.lang.*;java.util.*;java.math.*;java.time.*;"
                    + "org.springframework.web.servlet.FlashMap;org.springframework.util.*;org.relationcrm.**;!*");

    private final SecretKeySpec key;
    private final boolean secure;

    CookieFlashMaps(@Value("${relation.web.flash-key:}") String configuredKey,
                    @Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        byte[] secret = new byte[32];
        if (StringUtils.hasText(configuredKey)) {
            secret = configuredKey.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } else {
            new SecureRandom().nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, MAC);
        this.secure = secure;
        setFlashMapTimeout(60);
    }

    @Override
    protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                return read(cookie.getValue());
            }
        }
        return null;
    }

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request, HttpServletResponse response) {
        List<FlashMap> kept = new ArrayList<>(flashMaps);
        String value = kept.isEmpty() ? "" : write(kept);
        while (value.length() > MAX_COOKIE_CHARS && !kept.isEmpty()) {
            kept.removeFirst(); // the oldest message waiting, never read by a redirect its client did not follow
            value = kept.isEmpty() ? "" : write(kept);
        }
        if (value.isEmpty() && !flashMaps.isEmpty()) {
            log.warn("A flash message too long for its cookie was dropped");
        }
        Cookie cookie = new Cookie(COOKIE, value);
        cookie.setPath(StringUtils.hasLength(request.getContextPath()) ? request.getContextPath() : "/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setAttribute("SameSite", "Lax");
        cookie.setMaxAge(value.isEmpty() ? 0 : getFlashMapTimeout());
        response.addCookie(cookie);
    }

    /** No lock: the cookie is the browser's, and two tabs posting at once each keep their own message. */
    @Override
    protected Object getFlashMapsMutex(HttpServletRequest request) {
        return null;
    }

    private String write(List<FlashMap> flashMaps) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(new ArrayList<>(flashMaps));
        } catch (IOException e) {
            throw new IllegalStateException("a flash message holds something that cannot be written", e);
        }
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString(bytes.toByteArray()) + "." + base64.encodeToString(sign(bytes.toByteArray()));
    }

    @SuppressWarnings("unchecked")
    private List<FlashMap> read(String value) {
        try {
            int dot = value.indexOf('.');
            if (dot < 0) {
                return null;
            }
            Base64.Decoder base64 = Base64.getUrlDecoder();
            byte[] content = base64.decode(value.substring(0, dot));
            if (!MessageDigest.isEqual(sign(content), base64.decode(value.substring(dot + 1)))) {
                return null;
            }
            try (var in = new ObjectInputStream(new ByteArrayInputStream(content))) {
                in.setObjectInputFilter(ONLY_FLASH_TYPES);
                return (List<FlashMap>) in.readObject();
            }
        } catch (IllegalArgumentException | IOException | ClassNotFoundException | ClassCastException e) {
            // a cookie from another key (a restart) or an older version of the app: no message, nothing else lost
            log.debug("A flash cookie could not be read: {}", e.toString());
            return null;
        }
    }

    private byte[] sign(byte[] content) {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
