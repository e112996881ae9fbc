package dev.quarry.cli;

import dev.quarry.migrations.FieldState;
import dev.quarry.migrations.ManyToManyState;
import dev.quarry.migrations.ModelState;
import dev.quarry.migrations.Operation;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The name of a new migration, after its number ({@code M0002<Name>}): {@code Initial} for an app's first,
 * else a few words from its operations as Django names them ({@code BookIsbn} for a field added to Book,
 * {@code RemoveBookIsbn}, {@code AlterBookTitle}, {@code DeleteTag}), else {@code Auto<date>}; or the
 * {@code --name} given, made a Java identifier ({@code book_isbn} becomes {@code BookIsbn}).
 */
final class MigrationNames {
    private static final int LONGEST = 40;

    private MigrationNames() {}

    /** The number and name of the app's next migration ({@code M0003BookIsbn}). */
    static String next(int existing, String name) {
        return String.format(Locale.ROOT, "M%04d%s", existing + 1, name);
    }

    /** {@code --name}, as a Java identifier part: words joined in CamelCase; anything else is refused. */
    static String fromOption(String given) {
        StringBuilder out = new StringBuilder();
        for (String word : given.split("[^A-Za-z0-9]+")) {
            out.append(capitalize(word));
        }
        if (out.length() == 0 || !given.matches("[A-Za-z0-9_ -]+")) {
            throw new NeedsAnswer("--name '" + given + "' is not a usable class name part: use letters, digits and "
                    + "underscores (book_isbn or BookIsbn)");
        }
        return out.toString();
    }

    /** A name from the operations (see the class comment). */
    static String suggest(List<Operation> ops, boolean first) {
        if (first) {
            return "Initial";
        }
        List<String> parts = new ArrayList<>();
        for (Operation op : ops) {
            String part = fragment(op);
            if (part == null) {
                return auto();
            }
            parts.add(part);
        }
        String joined = String.join("", parts);
        return parts.isEmpty() || joined.length() > LONGEST ? auto() : joined;
    }

    private static String fragment(Operation op) {
        List<Object> a = op.arguments();
        return switch (op.factory()) {
            case "createModel" -> ((ModelState) a.get(0)).name();
            case "deleteModel" -> "Delete" + a.get(0);
            case "renameModel" -> "Rename" + a.get(0) + a.get(1);
            case "addField" -> a.get(0) + capitalize(((FieldState) a.get(1)).name());
            case "alterField" -> "Alter" + a.get(0) + capitalize(((FieldState) a.get(1)).name());
            case "removeField" -> "Remove" + a.get(0) + capitalize((String) a.get(1));
            case "renameField" -> "Rename" + capitalize((String) a.get(1)) + a.get(0) + capitalize((String) a.get(2));
            case "addManyToMany" -> a.get(0) + capitalize(((ManyToManyState) a.get(1)).name());
            case "removeManyToMany" -> "Remove" + a.get(0) + capitalize((String) a.get(1));
            case "alterModelTable" -> "Alter" + a.get(0) + "Table";
            default -> null;
        };
    }

    private static String auto() {
        return "Auto" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'_'HHmm", Locale.ROOT));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
