package dev.quarry.cli;

import dev.quarry.migrations.FieldState;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Turns a one-off default typed by the user ({@code --default Book.pages=100}, or an answer) into the value
 * the field's column stores: a number, boolean, date ({@code 2026-01-31}), time, instant, duration
 * ({@code PT1H}), UUID or text ({@code ''} is the empty string).
 */
final class OneOffValues {
    private OneOffValues() {}

    static Object parse(String model, FieldState field, String text) {
        String t = text.trim();
        try {
            return switch (field.type()) {
                case INTEGER, SMALLINT, POSITIVE_SMALLINT, POSITIVE_INTEGER -> Integer.valueOf(t);
                case BIGINT, AUTO -> Long.valueOf(t);
                case BOOLEAN -> bool(t);
                case FLOAT -> Double.valueOf(t);
                case DECIMAL -> new BigDecimal(t);
                case DATE -> LocalDate.parse(t);
                case DATETIME -> Instant.parse(t);
                case LOCAL_DATETIME -> LocalDateTime.parse(t);
                case TIME -> LocalTime.parse(t);
                case DURATION -> Duration.parse(t);
                case UUID -> UUID.fromString(t);
                default -> unquote(text);
            };
        } catch (RuntimeException e) {
            throw new NeedsAnswer("'" + text + "' is not a value for " + model + "." + field.name() + " (" + field.type()
                    + "): " + e.getMessage() + ". Numbers as 100 or 2.5, booleans as true/false, dates as 2026-01-31, "
                    + "instants as 2026-01-31T12:00:00Z, durations as PT1H, text as is");
        }
    }

    private static Boolean bool(String t) {
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("'") && text.endsWith("'") || text.startsWith("\"") && text.endsWith("\""))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }
}
