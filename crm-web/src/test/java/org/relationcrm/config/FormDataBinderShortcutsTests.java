package org.relationcrm.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.validation.DataBinder;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.BindParamNameResolver;

import org.relationcrm.config.FormDataBinder.KeptParameterNames;

/**
 * What {@link FormDataBinder} does not ask Spring again on every form: the request parameter of each record
 * component (Spring's answer, kept per constructor parameter), and whether a text needs converting to a text.
 */
class FormDataBinderShortcutsTests {

    record Form(@BindParam("first-name") String firstName, String city) {
    }

    @Test
    void namesAreSpringsAndAskedOncePerParameter() throws Exception {
        List<String> asked = new ArrayList<>();
        BindParamNameResolver spring = new BindParamNameResolver();
        DataBinder.NameResolver counting = parameter -> {
            asked.add(parameter.getParameterName());
            return spring.resolveName(parameter);
        };
        KeptParameterNames kept = new KeptParameterNames(counting);
        Constructor<?> constructor = Form.class.getDeclaredConstructors()[0];

        for (int request = 0; request < 3; request++) {
            // a new MethodParameter for each form bound, as Spring's DataBinder creates them
            assertThat(kept.resolveName(MethodParameter.forExecutable(constructor, 0)))
                    .isEqualTo(spring.resolveName(MethodParameter.forExecutable(constructor, 0)))
                    .isEqualTo("first-name");
            assertThat(kept.resolveName(MethodParameter.forExecutable(constructor, 1)))
                    .isEqualTo(spring.resolveName(MethodParameter.forExecutable(constructor, 1)))
                    .isNull(); // no @BindParam: the binder takes the parameter's own name
        }

        assertThat(asked).hasSize(2);
    }

    @Test
    void theBinderOfOurFormsKeepsTheNamesOfSpringsResolver() {
        FormDataBinder binder = new FormDataBinder(null, "form");
        binder.setNameResolver(new BindParamNameResolver());

        assertThat(binder.getNameResolver()).isSameAs(KeptParameterNames.BIND_PARAM);
    }

    @Test
    void aTextIsBoundAsTypedAndOtherTypesAreStillConverted() {
        FormDataBinder binder = new FormDataBinder(null, "form");
        binder.setConversionService(new org.springframework.format.support.DefaultFormattingConversionService());
        Constructor<?> constructor = Form.class.getDeclaredConstructors()[0];
        String typed = "  Lyon ";

        assertThat(binder.convertIfNecessary(typed, String.class, MethodParameter.forExecutable(constructor, 1)))
                .isSameAs(typed);
        assertThat(binder.convertIfNecessary("42", Integer.class, (MethodParameter) null))
                .isEqualTo(42);
    }
}
