package org.relationcrm.config;

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

/**
 * How session attributes are written to PostgreSQL: Java serialization, as Spring Session does by default, but an
 * attribute that can no longer be read (stored by an older version of the app whose classes have changed since,
 * or damaged) is dropped instead of failing every request of that session with a 500. Without its security
 * context, the user is simply asked to sign in again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SessionSerialization {

    private static final Logger log = LoggerFactory.getLogger(SessionSerialization.class);

    @Bean
    @Qualifier("springSessionConversionService")
    ConversionService springSessionConversionService() {
        DeserializingConverter deserializer = new DeserializingConverter(SessionSerialization.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, (Converter<byte[], Object>) bytes -> {
            try {
                return deserializer.convert(bytes);
            } catch (SerializationFailedException e) {
                log.warn("A session attribute could not be read and was dropped ({})", e.getMostSpecificCause().toString());
                return null;
            }
        });
        return conversions;
    }
}
