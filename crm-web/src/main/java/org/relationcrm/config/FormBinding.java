package org.relationcrm.config;

import java.util.List;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.support.WebBindingInitializer;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.InitBinderDataBinderFactory;
import org.springframework.web.method.support.InvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.bind.ServletRequestDataBinder;

/**
 * Spring MVC's parts that Relation replaces (Spring Boot takes one {@link WebMvcRegistrations}, so both are here):
 * every form of the application is bound by {@link FormDataBinder} (one place, no form left out), and requests are
 * mapped to controller methods by {@link FirstSegmentHandlerMapping}.
 */
@Configuration(proxyBeanMethods = false)
class FormBinding {

    @Bean
    WebMvcRegistrations formDataBindersAndMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerAdapter getRequestMappingHandlerAdapter() {
                return new RequestMappingHandlerAdapter() {
                    @Override
                    protected InitBinderDataBinderFactory createDataBinderFactory(List<InvocableHandlerMethod> methods) {
                        return new FormDataBinderFactory(methods, getWebBindingInitializer());
                    }
                };
            }

            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new FirstSegmentHandlerMapping();
            }
        };
    }

    private static final class FormDataBinderFactory extends ServletRequestDataBinderFactory {

        FormDataBinderFactory(List<InvocableHandlerMethod> methods, WebBindingInitializer initializer) {
            super(methods, initializer);
        }

        @Override
        protected ServletRequestDataBinder createBinderInstance(Object target, String objectName,
                                                               NativeWebRequest request) {
            return new FormDataBinder(target, objectName);
        }
    }
}
