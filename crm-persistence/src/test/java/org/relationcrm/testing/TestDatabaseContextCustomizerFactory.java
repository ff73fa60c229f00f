package org.relationcrm.testing;

import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Points every Spring test context at {@link TestDatabase}, lazily: the database starts only when a context
 * actually reads {@code spring.datasource.*} (a controller slice test never does). Registered in
 * META-INF/spring.factories.
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return new Customizer();
    }

    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new LazyDatabaseProperties());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }

    private static final class LazyDatabaseProperties extends PropertySource<Object> {

        LazyDatabaseProperties() {
            super("relationTestDatabase", new Object());
        }

        @Override
        public Object getProperty(String name) {
            return switch (name) {
                case "spring.datasource.url" -> TestDatabase.get().url();
                case "spring.datasource.username" -> TestDatabase.get().username();
                case "spring.datasource.password" -> TestDatabase.get().password();
                default -> null;
            };
        }
    }
}
