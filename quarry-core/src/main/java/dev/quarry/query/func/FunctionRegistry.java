package dev.quarry.query.func;

import dev.quarry.spi.DatePart;
import dev.quarry.spi.FieldType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Quarry's built-in functions by name. A new function is one definition (usually a {@link Standard}
 * line here) plus its factory in {@code dev.quarry.expr.Functions}; a backend whose SQL differs adds
 * a writer for the name to its operations.
 */
public final class FunctionRegistry {
    private static final int ANY = Integer.MAX_VALUE;
    private static final Map<String, FunctionDef> DEFAULTS = index(List.of(
            new CastDef(),
            new Standard("Coalesce", "COALESCE", 2, ANY, Standard.common("Coalesce"), false),
            new Standard("Greatest", "GREATEST", 2, ANY, Standard.common("Greatest"), false),
            new Standard("Least", "LEAST", 2, ANY, Standard.common("Least"), false),
            new Standard("NullIf", "NULLIF", 2, 2, Standard.common("NullIf"), false),
            new Standard("Lower", "LOWER", 1, 1, Standard.text("Lower"), false),
            new Standard("Upper", "UPPER", 1, 1, Standard.text("Upper"), false),
            new Standard("Length", "LENGTH", 1, 1, Standard.fixed(FieldType.INTEGER), false),
            new Standard("Concat", "CONCAT", 2, ANY, Standard.text("Concat"), false),
            new Standard("Substr", "SUBSTR", 2, 3, Standard.text("Substr"), false),
            new Standard("Trim", "TRIM", 1, 1, Standard.text("Trim"), false),
            new Standard("Replace", "REPLACE", 3, 3, Standard.text("Replace"), false),
            new Standard("StrIndex", "INSTR", 2, 2, Standard.fixed(FieldType.INTEGER), false),
            new Standard("Abs", "ABS", 1, 1, Standard.firstNumber("Abs"), false),
            new Standard("Round", "ROUND", 1, 1, Standard.firstNumber("Round"), false),
            new Standard("Ceil", "CEIL", 1, 1, Standard.numericResult("Ceil"), false),
            new Standard("Floor", "FLOOR", 1, 1, Standard.numericResult("Floor"), false),
            new Standard("Mod", "MOD", 2, 2, Standard.numericResult("Mod"), false),
            new Standard("Power", "POWER", 2, 2, Standard.numericResult("Power"), false),
            new Standard("Now", "CURRENT_TIMESTAMP", 0, 0, Standard.fixed(FieldType.DATETIME), false),
            WindowDef.numbering("RowNumber", "ROW_NUMBER", 0, FieldType.BIGINT),
            WindowDef.numbering("Rank", "RANK", 0, FieldType.BIGINT),
            WindowDef.numbering("DenseRank", "DENSE_RANK", 0, FieldType.BIGINT),
            WindowDef.numbering("PercentRank", "PERCENT_RANK", 0, FieldType.FLOAT),
            WindowDef.numbering("CumeDist", "CUME_DIST", 0, FieldType.FLOAT),
            WindowDef.numbering("Ntile", "NTILE", 1, FieldType.BIGINT),
            WindowDef.offset("Lag", "LAG"),
            WindowDef.offset("Lead", "LEAD"),
            WindowDef.frameValue("FirstValue", "FIRST_VALUE", 1),
            WindowDef.frameValue("LastValue", "LAST_VALUE", 1),
            WindowDef.frameValue("NthValue", "NTH_VALUE", 2)));

    private static final Map<String, FunctionDef> DATE_PARTS = datePartDefs();

    private FunctionRegistry() {}

    private static Map<String, FunctionDef> index(List<FunctionDef> defs) {
        Map<String, FunctionDef> m = new LinkedHashMap<>();
        for (FunctionDef d : defs) {
            m.put(d.name(), d);
        }
        for (DatePart p : DatePart.values()) {
            if (p != DatePart.DATE && p != DatePart.TIME) {
                FunctionDef e = new DatePartDef(p, false);
                m.put(e.name(), e);
            }
            if (p != DatePart.ISO_YEAR && p != DatePart.WEEK_DAY && p != DatePart.ISO_WEEK_DAY) {
                FunctionDef t = new DatePartDef(p, true);
                m.put(t.name(), t);
            }
        }
        return Map.copyOf(m);
    }

    private static Map<String, FunctionDef> datePartDefs() {
        Map<String, FunctionDef> m = new LinkedHashMap<>();
        for (DatePart p : DatePart.values()) {
            String name = p == DatePart.DATE ? "TruncDate" : p == DatePart.TIME ? "TruncTime"
                    : DEFAULTS.get("Extract" + camel(p.lookupName())).name();
            m.put(p.lookupName(), DEFAULTS.get(name));
        }
        return Map.copyOf(m);
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String p : snake.split("_")) {
            out.append(Character.toUpperCase(p.charAt(0))).append(p.substring(1));
        }
        return out.toString();
    }

    /** The function of this name, or {@code null}. */
    public static FunctionDef function(String name) {
        return DEFAULTS.get(name);
    }

    /**
     * The function a date transform of a lookup string applies ({@code year} extracts the year,
     * {@code date} takes the date of a date-time), or {@code null} when {@code name} is none.
     */
    public static FunctionDef dateTransform(String name) {
        return DATE_PARTS.get(name);
    }

    /** The date transform names ({@code year}, {@code week_day}, {@code date}, ...). */
    public static java.util.Set<String> dateTransformNames() {
        return DATE_PARTS.keySet();
    }
}
