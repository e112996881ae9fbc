package dev.quarry.query.func;

import dev.quarry.spi.FieldType;
import java.util.List;

/** The kinds of values functions and arithmetic accept and give (Django's output-field rules). */
public final class Kinds {
    private Kinds() {}

    /** Whether values of this kind are numbers. */
    public static boolean numeric(FieldType t) {
        return t.isIntegral() || t == FieldType.FLOAT || t == FieldType.DECIMAL;
    }

    /** The kind two numbers combine to: whole numbers stay whole, a float makes a float, else a decimal. */
    public static FieldType widerNumber(FieldType a, FieldType b) {
        if (a.isIntegral() && b.isIntegral()) {
            return FieldType.BIGINT;
        }
        if (a == FieldType.FLOAT || b == FieldType.FLOAT) {
            return FieldType.FLOAT;
        }
        return FieldType.DECIMAL;
    }

    /**
     * The one kind these values share (a text kind for CHAR and TEXT, the wider number for numbers);
     * {@code null} kinds (NULL constants) fit any. Throws {@link FunctionDef.Mismatch} naming the kinds.
     */
    public static FieldType common(List<FieldType> kinds, String what) {
        FieldType out = null;
        for (FieldType k : kinds) {
            if (k == null) {
                continue;
            }
            if (out == null || out == k) {
                out = k;
            } else if (numeric(out) && numeric(k)) {
                out = widerNumber(out, k);
            } else if (out.isText() && k.isText()) {
                out = FieldType.TEXT;
            } else {
                throw new FunctionDef.Mismatch(what + " mixes " + describe(out) + " and " + describe(k)
                        + " values; give them one kind (cast(...))");
            }
        }
        return out == null ? FieldType.TEXT : out;
    }

    /** A kind as messages name it: {@code text (CHAR)}. */
    public static String describe(FieldType t) {
        String family = t.isText() ? "text" : t.isIntegral() ? "whole numbers" : numeric(t) ? "numbers"
                : t == FieldType.DATE ? "dates" : t == FieldType.DATETIME ? "date-times" : t == FieldType.TIME ? "times"
                : t == FieldType.BOOLEAN ? "booleans" : "values";
        return family + " (" + t + ")";
    }

    /** Django's NumericOutputFieldMixin: a decimal gives a decimal, whole numbers and floats give a float. */
    public static FieldType numericResult(List<FieldType> kinds, String function) {
        boolean decimal = false;
        for (FieldType k : kinds) {
            if (k == null) {
                continue;
            }
            if (!numeric(k)) {
                throw new FunctionDef.Mismatch(function + " needs numbers, got " + describe(k));
            }
            decimal |= k == FieldType.DECIMAL;
        }
        return decimal ? FieldType.DECIMAL : FieldType.FLOAT;
    }
}
