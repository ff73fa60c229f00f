package org.relationcrm.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Executable;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.validation.AbstractPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.SmartValidator;
import org.springframework.validation.Validator;
import org.springframework.validation.annotation.ValidationAnnotationUtils;
import org.springframework.web.bind.support.BindParamNameResolver;
import org.springframework.web.servlet.support.ExtendedServletRequestDataBinder;

/**
 * Binds our forms, which are records built through their constructor, so that a form that cannot be converted
 * comes back to the user like any other invalid form: every field as typed, a message next to the wrong one.
 *
 * <p>When a value cannot be converted ({@code version=abc}, {@code amount=NaN}, an unknown choice, a bad date),
 * Spring still builds the record, with {@code null} for what failed, but its binding result was created before
 * the record existed and holds no target: the page then received a {@code null} form and failed on
 * {@code form.version()}. Here the result is re-created around the record, with the same errors: each field that
 * failed shows what the user typed (the error's rejected value) and its {@code typeMismatch} message, the others
 * show the record's values.
 *
 * <p>List rows are addressed by index ({@code importantDates[2].label}). Spring sizes a list from the highest
 * index it is sent, so an index past the limit, or one that is not a number, broke the binding with an exception.
 * Such parameters are left out, and the list field gets the message {@value #TOO_MANY_ROWS}.
 *
 * <p>The request parameter of each constructor parameter ({@code @BindParam} or the parameter's name) is looked up
 * once per constructor, not on every request: Spring reads a record component's annotations again for each form it
 * binds (its field's and its parameter's, by reflection), about a tenth of the CPU of logging an interaction.
 * And a text parameter's text is taken as it is: Spring's conversion service would find that a String needs no
 * conversion to a String, but only after comparing the parameter's annotations with those of every other text
 * parameter of every form it has seen (its cache of converters keys them by type and annotations, all in one hash
 * bucket): another tenth.
 */
final class FormDataBinder extends ExtendedServletRequestDataBinder {

    /** More rows than any of our forms offers; Spring's default is 256. */
    static final int MAX_ROWS = 100;
    static final String TOO_MANY_ROWS = "form.rows.tooMany";

    private static final Pattern INDEX = Pattern.compile("\\[([^\\]]*)]");

    private AbstractPropertyBindingResult aroundTarget;

    FormDataBinder(Object target, String objectName) {
        super(target, objectName);
        setAutoGrowCollectionLimit(MAX_ROWS);
    }

    @Override
    public void setNameResolver(NameResolver nameResolver) {
        super.setNameResolver(nameResolver instanceof BindParamNameResolver ? KeptParameterNames.BIND_PARAM : nameResolver);
    }

    @Override
    public <T> T convertIfNecessary(Object value, Class<T> requiredType, MethodParameter methodParam) {
        if (requiredType == String.class && value instanceof String text && findCustomEditor(String.class, null) == null) {
            return requiredType.cast(text);
        }
        if (methodParam != null && methodParam.getNestingLevel() == 1 && requiredType == methodParam.getParameterType()
                && findCustomEditor(requiredType, null) == null) {
            return convertIfNecessary(value, requiredType, ConversionTypes.of(methodParam));
        }
        return super.convertIfNecessary(value, requiredType, methodParam);
    }

    @Override
    public void construct(ValueResolver valueResolver) {
        RowsWithinLimit resolver = new RowsWithinLimit(valueResolver);
        super.construct(resolver);
        if (getTarget() != null && super.getInternalBindingResult().hasErrors()
                && super.getInternalBindingResult().getTarget() == null) {
            AbstractPropertyBindingResult result = createBeanPropertyBindingResult();
            result.addAllErrors(super.getInternalBindingResult());
            aroundTarget = result;
            validateTheRest(result);
        }
        for (String list : resolver.refusedLists) {
            getInternalBindingResult().addError(new FieldError(getObjectName(), list, null, false,
                    getInternalBindingResult().resolveMessageCodes(TOO_MANY_ROWS, list), null, null));
        }
    }

    /**
     * Spring skips the form's validation once a value failed to convert; the user would then learn of their other
     * mistakes one submission at a time. The record is validated here, and each field that has no message yet gets
     * its own (a field that failed to convert keeps its conversion message, not a "required" one).
     */
    private void validateTheRest(AbstractPropertyBindingResult result) {
        Object[] hints = validationHints();
        if (hints == null) {
            return; // the controller did not ask for validation (no @Valid)
        }
        AbstractPropertyBindingResult all = createBeanPropertyBindingResult();
        for (Validator validator : getValidatorsToApply()) {
            if (validator instanceof SmartValidator smart) {
                smart.validate(getTarget(), all, hints);
            } else {
                validator.validate(getTarget(), all);
            }
        }
        for (FieldError error : all.getFieldErrors()) {
            if (!result.hasFieldErrors(error.getField())) {
                result.addError(error);
            }
        }
        all.getGlobalErrors().forEach(result::addError);
    }

    private Object[] validationHints() {
        if (getTargetType() != null && getTargetType().getSource() instanceof MethodParameter parameter) {
            for (Annotation annotation : parameter.getParameterAnnotations()) {
                Object[] hints = ValidationAnnotationUtils.determineValidationHints(annotation);
                if (hints != null) {
                    return hints;
                }
            }
        }
        return null;
    }

    @Override
    protected AbstractPropertyBindingResult getInternalBindingResult() {
        return aroundTarget != null ? aroundTarget : super.getInternalBindingResult();
    }

    /** The request's values, without names whose row index is not a number below {@link #MAX_ROWS}. */
    private static final class RowsWithinLimit implements ValueResolver {

        private final ValueResolver values;
        private final Set<String> names = new LinkedHashSet<>();
        final Set<String> refusedLists = new LinkedHashSet<>();

        RowsWithinLimit(ValueResolver values) {
            this.values = values;
            for (String name : values.getNames()) {
                String refusedList = refusedList(name);
                if (refusedList == null) {
                    names.add(name);
                } else {
                    refusedLists.add(refusedList);
                }
            }
        }

        /** The path of the list whose index this name gets wrong, or null when its indexes are fine. */
        private static String refusedList(String name) {
            Matcher index = INDEX.matcher(name);
            while (index.find()) {
                String digits = index.group(1);
                if (digits.isEmpty()) {
                    continue; // "ids[]": Spring appends
                }
                if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) >= MAX_ROWS) {
                    return name.substring(0, index.start());
                }
            }
            return null;
        }

        @Override
        public Object resolveValue(String name, Class<?> type) {
            return refusedList(name) == null ? values.resolveValue(name, type) : null;
        }

        @Override
        public Set<String> getNames() {
            return names;
        }
    }

    /**
     * The type a constructor parameter's value is converted to, described once per parameter, without its
     * validation annotations ({@code @NotNull}, {@code @Size}...): no converter reads them, and Spring's cache of
     * converters compares every annotation of the type it is asked for with those of the types it has seen, by
     * reflection (a tenth of the CPU of logging an interaction). Formatting annotations ({@code @DateTimeFormat})
     * are kept: they choose the converter.
     */
    static final class ConversionTypes {

        private record Parameter(Executable executable, int index) {
        }

        private static final Map<Parameter, TypeDescriptor> TYPES = new ConcurrentHashMap<>();

        static TypeDescriptor of(MethodParameter parameter) {
            return TYPES.computeIfAbsent(new Parameter(parameter.getExecutable(), parameter.getParameterIndex()),
                    p -> withoutValidation(parameter));
        }

        private static TypeDescriptor withoutValidation(MethodParameter parameter) {
            TypeDescriptor full = new TypeDescriptor(parameter);
            Annotation[] kept = Arrays.stream(full.getAnnotations())
                    .filter(a -> !a.annotationType().getPackageName().startsWith("jakarta.validation")
                            && !a.annotationType().isAnnotationPresent(Constraint.class))
                    .toArray(Annotation[]::new);
            return new TypeDescriptor(full.getResolvableType(), full.getType(), kept);
        }
    }

    /** Spring's {@link BindParamNameResolver}, its answer kept for each constructor parameter. */
    static final class KeptParameterNames implements NameResolver {

        static final KeptParameterNames BIND_PARAM = new KeptParameterNames(new BindParamNameResolver());

        private record Parameter(Executable executable, int index) {
        }

        private final NameResolver resolver;
        private final Map<Parameter, Optional<String>> names = new ConcurrentHashMap<>();

        KeptParameterNames(NameResolver resolver) {
            this.resolver = resolver;
        }

        @Override
        public String resolveName(MethodParameter parameter) {
            return names.computeIfAbsent(new Parameter(parameter.getExecutable(), parameter.getParameterIndex()),
                    p -> Optional.ofNullable(resolver.resolveName(parameter))).orElse(null);
        }
    }
}
