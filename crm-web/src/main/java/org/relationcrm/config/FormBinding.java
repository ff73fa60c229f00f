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
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;
import org.springframework.web.bind.ServletRequestDataBinder;

/** Every form of the application is bound by {@link FormDataBinder}: one place, no form left out. */
@Configuration(proxyBeanMethods = false)
class FormBinding {

    @Bean
    WebMvcRegistrations formDataBinders() {
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
