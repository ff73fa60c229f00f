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

    record Dated(@jakarta.validation.constraints.NotNull
                 @org.springframework.format.annotation.DateTimeFormat(pattern = "dd/MM/yyyy") java.time.LocalDate day,
                 @jakarta.validation.constraints.NotNull java.time.DayOfWeek weekday,
                 java.util.Set<Long> ids) {
    }

    @Test
    void otherTypesAreConvertedWithoutTheirValidationAnnotationsButWithTheirFormat() {
        FormDataBinder binder = new FormDataBinder(null, "form");
        binder.setConversionService(new org.springframework.format.support.DefaultFormattingConversionService());
        Constructor<?> constructor = Dated.class.getDeclaredConstructors()[0];
        MethodParameter day = MethodParameter.forExecutable(constructor, 0);

        var type = FormDataBinder.ConversionTypes.of(day);
        assertThat(type.hasAnnotation(org.springframework.format.annotation.DateTimeFormat.class)).isTrue();
        assertThat(type.hasAnnotation(jakarta.validation.constraints.NotNull.class)).isFalse();
        assertThat(FormDataBinder.ConversionTypes.of(MethodParameter.forExecutable(constructor, 0))).isSameAs(type);

        // the format still chooses the conversion; a wrong value is still a type mismatch (the form's typeMismatch)
        assertThat(binder.convertIfNecessary("03/12/2026", java.time.LocalDate.class, day))
                .isEqualTo(java.time.LocalDate.of(2026, 12, 3));
        assertThat(binder.convertIfNecessary("FRIDAY", java.time.DayOfWeek.class,
                MethodParameter.forExecutable(constructor, 1))).isEqualTo(java.time.DayOfWeek.FRIDAY);
        assertThat(binder.convertIfNecessary(new String[] {"3", "5"}, java.util.Set.class,
                MethodParameter.forExecutable(constructor, 2))).isEqualTo(java.util.Set.of(3L, 5L));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> binder.convertIfNecessary("le 3 décembre",
                java.time.LocalDate.class, day)).isInstanceOf(org.springframework.beans.TypeMismatchException.class);
    }
}
