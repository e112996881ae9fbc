package dev.quarry.model;

import dev.quarry.annotation.ArrayField;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.BinaryField;
import dev.quarry.annotation.BooleanField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.DateTimeField;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.DurationField;
import dev.quarry.annotation.EmailField;
import dev.quarry.annotation.Defaults;
import dev.quarry.annotation.FloatField;
import dev.quarry.annotation.GenericIPAddressField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.IpProtocol;
import dev.quarry.annotation.JSONField;
import dev.quarry.annotation.PositiveIntegerField;
import dev.quarry.annotation.PositiveSmallIntegerField;
import dev.quarry.annotation.SlugField;
import dev.quarry.annotation.SmallIntegerField;
import dev.quarry.annotation.TextField;
import dev.quarry.annotation.TimeField;
import dev.quarry.annotation.URLField;
import dev.quarry.annotation.UUIDField;
import dev.quarry.annotation.VersionField;
import dev.quarry.spi.FieldType;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The options of one plain field annotation, as written: each annotation type has one typed
 * reader below, so javac checks every option name. A new field annotation is one more entry in
 * {@link #READERS}.
 */
record FieldSpec(FieldType type, boolean nullable, boolean blank, String defaultValue, boolean unique,
                 boolean dbIndex, List<String> choices, String dbColumn, boolean primaryKey, int maxLength,
                 int maxDigits, int decimalPlaces, boolean autoNow, boolean autoNowAdd, TextFormat format, Extras extras) {

    private static final Map<Class<? extends Annotation>, Reader<?>> READERS = Stream.of(
            reader(CharField.class, a -> of(FieldType.CHAR, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withMaxLength(a.maxLength())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), a.dbCollation(), 0))),
            reader(TextField.class, a -> of(FieldType.TEXT, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), a.dbCollation(), 0))),
            reader(IntegerField.class, a -> of(FieldType.INTEGER, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(SmallIntegerField.class, a -> of(FieldType.SMALLINT, a.nullable(), a.blank(), a.defaultValue(),
                    a.unique(), a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(PositiveSmallIntegerField.class, a -> of(FieldType.POSITIVE_SMALLINT, a.nullable(), a.blank(),
                    a.defaultValue(), a.unique(), a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(PositiveIntegerField.class, a -> of(FieldType.POSITIVE_INTEGER, a.nullable(), a.blank(),
                    a.defaultValue(), a.unique(), a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(BigIntegerField.class, a -> of(FieldType.BIGINT, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(BooleanField.class, a -> of(FieldType.BOOLEAN, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(FloatField.class, a -> of(FieldType.FLOAT, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(DecimalField.class, a -> of(FieldType.DECIMAL, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withDigits(a.maxDigits(), a.decimalPlaces())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(DateField.class, a -> of(FieldType.DATE, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withAutoDates(a.autoNow(), a.autoNowAdd())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(DateTimeField.class, a -> of(FieldType.DATETIME, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withAutoDates(a.autoNow(), a.autoNowAdd())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(TimeField.class, a -> of(FieldType.TIME, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withAutoDates(a.autoNow(), a.autoNowAdd())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(DurationField.class, a -> of(FieldType.DURATION, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(EmailField.class, a -> of(FieldType.CHAR, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withMaxLength(a.maxLength())
                    .withFormat(TextFormat.EMAIL)
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), a.dbCollation(), 0))),
            reader(URLField.class, a -> of(FieldType.CHAR, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withMaxLength(a.maxLength())
                    .withFormat(TextFormat.URL)
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), a.dbCollation(), 0))),
            reader(SlugField.class, a -> of(FieldType.CHAR, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withMaxLength(a.maxLength())
                    .withFormat(a.allowUnicode() ? TextFormat.UNICODE_SLUG : TextFormat.SLUG)
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), a.dbCollation(), 0))),
            reader(GenericIPAddressField.class, a -> of(FieldType.CHAR, a.nullable(), a.blank(), a.defaultValue(),
                    a.unique(), a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey()).withMaxLength(39)
                    .withFormat(ipFormat(a))
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(BinaryField.class, a -> of(FieldType.BINARY, a.nullable(), a.blank(), a.defaultValue(), false,
                    false, new String[0], a.dbColumn(), false).withMaxLength(a.maxLength())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(JSONField.class, a -> of(FieldType.JSON, a.nullable(), a.blank(), a.defaultValue(), false, false,
                    new String[0], a.dbColumn(), false)
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(UUIDField.class, a -> of(FieldType.UUID, a.nullable(), a.blank(), a.defaultValue(), a.unique(),
                    a.dbIndex(), a.choices(), a.dbColumn(), a.primaryKey())
                    .withExtras(new Extras(a.defaultSupplier(), a.dbDefault(), a.editable(), "", 0))),
            reader(ArrayField.class, a -> of(FieldType.ARRAY, a.nullable(), a.blank(), Defaults.NONE, false, false,
                    new String[0], a.dbColumn(), false).withMaxLength(a.maxLength())
                    .withExtras(new Extras(a.defaultSupplier(), Defaults.NONE, a.editable(), "", a.size()))),
            reader(VersionField.class, a -> of(FieldType.BIGINT, false, true, "0", false, false, new String[0],
                    a.dbColumn(), false)))
            .collect(Collectors.toUnmodifiableMap(Reader::type, r -> r));

    FieldSpec {
        choices = List.copyOf(choices);
    }

    /** The options of a plain field annotation, or {@code null} when {@code a} is not one. */
    static FieldSpec read(Annotation a) {
        Reader<?> reader = READERS.get(a.annotationType());
        return reader == null ? null : reader.apply(a);
    }

    /** Whether a default value was declared (anything but {@link Defaults#NONE}, the empty string included). */
    boolean hasDefault() {
        return !Defaults.NONE.equals(defaultValue);
    }

    /** The options every field annotation shares; the kind-specific ones are added by the {@code with} methods. */
    private static FieldSpec of(FieldType type, boolean nullable, boolean blank, String defaultValue, boolean unique,
                                boolean dbIndex, String[] choices, String dbColumn, boolean primaryKey) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, List.of(choices), dbColumn, primaryKey,
                0, 0, 0, false, false, null, Extras.NONE);
    }

    private FieldSpec withMaxLength(int length) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, choices, dbColumn, primaryKey,
                length, maxDigits, decimalPlaces, autoNow, autoNowAdd, format, extras);
    }

    private FieldSpec withDigits(int digits, int places) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, choices, dbColumn, primaryKey,
                maxLength, digits, places, autoNow, autoNowAdd, format, extras);
    }

    private FieldSpec withAutoDates(boolean now, boolean nowAdd) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, choices, dbColumn, primaryKey,
                maxLength, maxDigits, decimalPlaces, now, nowAdd, format, extras);
    }

    private FieldSpec withFormat(TextFormat f) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, choices, dbColumn, primaryKey,
                maxLength, maxDigits, decimalPlaces, autoNow, autoNowAdd, f, extras);
    }

    private FieldSpec withExtras(Extras e) {
        return new FieldSpec(type, nullable, blank, defaultValue, unique, dbIndex, choices, dbColumn, primaryKey,
                maxLength, maxDigits, decimalPlaces, autoNow, autoNowAdd, format, e);
    }

    /**
     * The options added with issue 10's database features, as written: the default's supplier class
     * ({@code NoSupplier} for none), the database default's text ({@code Defaults.NONE} for none),
     * {@code editable}, the collation (empty for none) and an array's maximum size (0 for none).
     */
    record Extras(Class<?> supplier, String dbDefault, boolean editable, String collation, int arraySize) {
        static final Extras NONE = new Extras(Defaults.NoSupplier.class, Defaults.NONE, true, "", 0);

        /** Whether a supplier was declared. */
        boolean hasSupplier() {
            return supplier != Defaults.NoSupplier.class;
        }

        /** Whether a database default was declared. */
        boolean hasDbDefault() {
            return !Defaults.NONE.equals(dbDefault);
        }
    }

    /** Django's protocol and unpack_ipv4 options as one format; unpacking applies to both protocols only. */
    private static TextFormat ipFormat(GenericIPAddressField a) {
        if (a.unpackIpv4() && a.protocol() != IpProtocol.BOTH) {
            throw new dev.quarry.ImproperlyConfigured("@GenericIPAddressField(unpackIpv4 = true) needs protocol = "
                    + "BOTH (it stores IPv4-mapped IPv6 addresses as IPv4); it is " + a.protocol());
        }
        return switch (a.protocol()) {
            case BOTH -> a.unpackIpv4() ? TextFormat.IP_UNPACK_IPV4 : TextFormat.IP;
            case IPV4 -> TextFormat.IPV4;
            case IPV6 -> TextFormat.IPV6;
        };
    }

    private static <A extends Annotation> Reader<A> reader(Class<A> type, Function<A, FieldSpec> read) {
        return new Reader<>(type, read);
    }

    /** The typed reader of one annotation type. */
    private record Reader<A extends Annotation>(Class<A> type, Function<A, FieldSpec> read) {
        FieldSpec apply(Annotation a) {
            return read.apply(type.cast(a));
        }
    }
}
