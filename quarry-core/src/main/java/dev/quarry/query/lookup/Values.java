package dev.quarry.query.lookup;

import dev.quarry.FieldError;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.FieldType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Converts lookup values to the Java type of the column they are compared with. */
public final class Values {
    private Values() {}

    /** A model instance becomes its key, a {@code Ref} its id, text becomes a date, number or UUID where the column needs one. */
    public static Object coerce(Object value, FieldType type, String subject, String lookup) {
        if (value instanceof Model m) {
            Object pk = ModelMeta.of(m.getClass()).pkValue(m);
            if (pk == null) {
                throw new dev.quarry.InvalidValueError(null, subject, "Cannot filter " + subject + " by an unsaved " + m.getClass().getSimpleName()
                        + ": save it first, so it has a primary key");
            }
            return pk;
        }
        if (value instanceof Ref<?> r) {
            return r.id();
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (!(value instanceof String s) || type == null || type.isText()) {
            return value;
        }
        try {
            return switch (type) {
                case DATE -> LocalDate.parse(s);
                case DATETIME -> Instant.parse(s);
                case UUID -> UUID.fromString(s);
                case AUTO, BIGINT, INTEGER, SMALLINT, POSITIVE_INTEGER, POSITIVE_SMALLINT -> Long.parseLong(s.trim());
                case FLOAT -> Double.parseDouble(s.trim());
                case DECIMAL -> new BigDecimal(s.trim());
                case BOOLEAN -> parseBoolean(s);
                default -> s;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new FieldError(String.format("Field '%s' expected a %s value for lookup '%s' but got '%s'",
                    subject, type.name().toLowerCase(java.util.Locale.ROOT), lookup, s));
        }
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "t" -> Boolean.TRUE;
            case "false", "0", "f" -> Boolean.FALSE;
            default -> throw new NumberFormatException(s);
        };
    }
}
