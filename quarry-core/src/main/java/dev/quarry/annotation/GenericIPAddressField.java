package dev.quarry.annotation;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An IPv4 or IPv6 address as text ({@code varchar(39)}), held in a {@code String} field. An IPv6 address is
 * stored and compared in its canonical form (lower case, zeros compressed: {@code 2001:DB8:0:0::1} is
 * {@code 2001:db8::1}), in lookups too; {@code fullClean()} checks the address against {@link #protocol()}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface GenericIPAddressField {
    /** Whether the column accepts NULL (Django's {@code null}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django's {@code blank}). */
    boolean blank() default false;

    /**
     * The default value (Django's {@code default}), as text: any text, {@code ""} included. Every new
     * instance holds it from construction, primitive fields included; a Java field initializer overrides
     * it. Text that is not a valid value is refused at start-up with {@code ImproperlyConfigured}.
     * {@link Defaults#NONE}, the default, declares no default.
     */
    String defaultValue() default Defaults.NONE;

    /** Whether the column carries a UNIQUE constraint. */
    boolean unique() default false;

    /** Whether the column gets an index of its own. */
    boolean dbIndex() default false;

    /** The allowed values, written as text; empty for any. */
    String[] choices() default {};

    /** The column name; empty for the snake_case form of the Java name. */
    String dbColumn() default "";

    /** Whether this field is the model's primary key instead of the automatic {@code id}. */
    boolean primaryKey() default false;

    /** Which addresses are valid. */
    IpProtocol protocol() default IpProtocol.BOTH;

    /**
     * Whether an IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is stored as its IPv4 address
     * ({@code 10.0.0.1}); only with {@link IpProtocol#BOTH}.
     */
    boolean unpackIpv4() default false;
}
