package dev.quarry.annotation;

import dev.quarry.FieldConverter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the {@link FieldConverter} of a field whose Java type is the application's own: placed next to
 * the field annotation that picks the column ({@code @DecimalField(...) @Convert(MoneyConverter.class)
 * public Money price}). The converter's types are checked at start-up against the field and the column.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Convert {
    /** The converter class; it needs a public no-argument constructor. */
    Class<? extends FieldConverter<?, ?>> value();
}
