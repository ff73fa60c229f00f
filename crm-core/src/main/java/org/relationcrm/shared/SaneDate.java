package org.relationcrm.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date (LocalDate, LocalDateTime or Instant) within {@link SaneDates}' range; null is valid (use NotNull).
 * {@code from} and {@code to} are only there for the message; the range is always {@link SaneDates}'.
 */
@Documented
@Constraint(validatedBy = SaneDate.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {

    String message() default "{date.outOfRange}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    int from() default SaneDates.EARLIEST_YEAR;

    int to() default SaneDates.LATEST_YEAR;

    class Validator implements ConstraintValidator<SaneDate, Object> {

        @Override
        public boolean isValid(Object value, ConstraintValidatorContext context) {
            return switch (value) {
                case null -> true;
                case LocalDate date -> SaneDates.contains(date);
                case LocalDateTime dateTime -> SaneDates.contains(dateTime);
                case Instant instant -> SaneDates.contains(instant);
                default -> throw new IllegalArgumentException("@SaneDate applies to dates, not " + value.getClass());
            };
        }
    }
}
