package org.relationcrm.config;

import java.time.Duration;
import java.util.Arrays;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * How session attributes are written to PostgreSQL: Java serialization, as Spring Session does by default, but an
 * attribute that can no longer be read (stored by an older version of the app whose classes have changed since,
 * or damaged) is dropped instead of failing every request of that session with a 500. Without its security
 * context, the user is simply asked to sign in again.
 *
 * <p>Every request reads its session's security context (about 1.9 KB) from PostgreSQL; deserializing it was 5 to
 * 9 % of a page's CPU. The signed-in user it holds does not change for the life of the session (a change of rights
 * or password ends the session, {@link EndSessionsOnRightsChange}), so the user read from the same bytes is kept
 * and handed out in a new context for each request. The bytes are still read on every request: a session ended
 * on another node is found ended at once.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionSerialization.class);

    @Bean
    @Qualifier("springSessionConversionService")
    ConversionService springSessionConversionService() {
        DeserializingConverter deserializer = new DeserializingConverter(SessionSerialization.class.getClassLoader());
        KeptAuthentications kept = new KeptAuthentications();
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            SecurityContextImpl known = kept.contextOf(bytes);
            if (known != null) {
                return known;
            }
            try {
                return kept.keep(bytes, deserializer.convert(bytes));
            } catch (SerializationFailedException e) {
                log.warn("A session attribute could not be read and was dropped ({})", e.getMostSpecificCause().toString());
                return null;
            }
        });
        return conversions;
    }

    /** The signed-in users read from the stored bytes of security contexts, by those bytes. */
    static final class KeptAuthentications {

        /** Bytes compared by content. */
        private record Stored(byte[] bytes) {
            @Override
            public boolean equals(Object other) {
                return other instanceof Stored stored && Arrays.equals(bytes, stored.bytes);
            }

            @Override
            public int hashCode() {
                return Arrays.hashCode(bytes);
            }
        }

        private final Cache<Stored, Authentication> users = Caffeine.newBuilder()
                .maximumSize(10_000).expireAfterAccess(Duration.ofMinutes(30)).build();

        /** A new context around the user of these bytes, or null when they were not seen (or are no context). */
        SecurityContextImpl contextOf(byte[] bytes) {
            Authentication user = users.getIfPresent(new Stored(bytes));
            return user == null ? null : new SecurityContextImpl(user);
        }

        /** The attribute read from these bytes, its user kept when it is a security context. */
        Object keep(byte[] bytes, Object attribute) {
            if (attribute != null && attribute.getClass() == SecurityContextImpl.class
                    && ((SecurityContextImpl) attribute).getAuthentication() != null) {
                users.put(new Stored(bytes.clone()), ((SecurityContextImpl) attribute).getAuthentication());
            }
            return attribute;
        }
    }
}
