package dev.quarry.cli;

import dev.quarry.migrations.Autodetector;
import dev.quarry.migrations.FieldState;
import dev.quarry.migrations.ModelState;
import dev.quarry.migrations.ProjectState;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * makemigrations' questions (Django's questioner): was a model or field that disappeared, while a
 * like one appeared, renamed? Which value fills the rows already there for a new NOT NULL field without
 * a default? Answers come from the options ({@code --rename-model}, {@code --rename-field}, {@code --default}),
 * then from the terminal; without one, a rename is taken as a removal and an addition (as Django does),
 * and a needed value stops the command naming the option that gives it.
 */
final class Questions {
    private final ProjectState from;
    private final ProjectState to;
    private final Terminal terminal;
    private final PrintWriter out;

    Questions(ProjectState from, ProjectState to, Terminal terminal, PrintWriter out) {
        this.from = from;
        this.to = to;
        this.terminal = terminal;
        this.out = out;
    }

    /**
     * The detector with every rename and one-off default answered. Under {@code check}, a value is never
     * asked for: any placeholder fills it, since nothing is written.
     */
    Autodetector answer(Autodetector detector, Map<String, String> renamedModels, List<String> renamedFields,
                        Map<String, String> defaults, boolean check) {
        Autodetector d = detector;
        Map<String, String> oldName = new LinkedHashMap<>();   // new model name -> its name in the migrations
        for (Map.Entry<String, String> e : renamedModels.entrySet()) {
            d = d.withRenamedModel(e.getKey(), e.getValue());
            oldName.put(e.getValue(), e.getKey());
        }
        if (terminal.interactive() && !check) {
            d = askModelRenames(d, oldName);
        }
        Map<String, Set<String>> renamedTo = new LinkedHashMap<>(); // model -> new names of renamed fields
        Map<String, Set<String>> renamedFrom = new LinkedHashMap<>();
        for (String spec : renamedFields) {
            String[] p = split(spec, "--rename-field", "MODEL.OLD=NEW");
            d = d.withRenamedField(p[0], p[1], p[2]);
            renamedTo.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[2]);
            renamedFrom.computeIfAbsent(p[0], k -> new HashSet<>()).add(p[1]);
        }
        for (ModelState now : to.models()) {
            Optional<ModelState> before = from.findModel(oldName.getOrDefault(now.name(), now.name()));
            if (before.isEmpty()) {
                continue; // a new model: created whole
            }
            Set<String> taken = renamedTo.computeIfAbsent(now.name(), k -> new HashSet<>());
            Set<String> gone = renamedFrom.computeIfAbsent(now.name(), k -> new HashSet<>());
            if (terminal.interactive() && !check) {
                d = askFieldRenames(d, before.get(), now, taken, gone);
            }
            for (FieldState f : now.fields()) {
                boolean added = before.get().findField(f.name()).isEmpty() && !taken.contains(f.name());
                if (added && !f.nullable() && f.defaultValue() == null && !f.primaryKey()) {
                    d = d.withOneOffDefault(now.name(), f.name(), oneOff(now, f, defaults, check));
                }
            }
        }
        return d;
    }

    private Autodetector askModelRenames(Autodetector d, Map<String, String> oldName) {
        Set<String> used = new HashSet<>(oldName.values());
        for (ModelState now : to.models()) {
            if (from.findModel(now.name()).isPresent() || oldName.containsKey(now.name())) {
                continue;
            }
            for (ModelState gone : from.models()) {
                if (to.findModel(gone.name()).isEmpty() && !used.contains(gone.name())
                        && new HashSet<>(gone.fields()).equals(new HashSet<>(now.fields()))
                        && terminal.confirm(out, "Was the model " + gone.name() + " renamed to " + now.name() + "?")) {
                    d = d.withRenamedModel(gone.name(), now.name());
                    oldName.put(now.name(), gone.name());
                    used.add(gone.name());
                    break;
                }
            }
        }
        return d;
    }

    private Autodetector askFieldRenames(Autodetector d, ModelState before, ModelState now, Set<String> taken, Set<String> gone) {
        Set<String> removed = new LinkedHashSet<>();
        for (FieldState f : before.fields()) {
            if (now.findField(f.name()).isEmpty() && !gone.contains(f.name())) {
                removed.add(f.name());
            }
        }
        for (FieldState f : now.fields()) {
            if (before.findField(f.name()).isPresent() || taken.contains(f.name())) {
                continue;
            }
            for (String old : removed) {
                FieldState was = before.field(old);
                if (was.withName(f.name()).withColumn(f.column()).equals(f) && terminal.confirm(out, "Was " + now.name()
                        + "." + old + " renamed to " + now.name() + "." + f.name() + " (a " + f.type() + " field)?")) {
                    d = d.withRenamedField(now.name(), old, f.name());
                    taken.add(f.name());
                    removed.remove(old);
                    break;
                }
            }
        }
        return d;
    }

    private Object oneOff(ModelState model, FieldState f, Map<String, String> defaults, boolean check) {
        String key = model.name() + "." + f.name();
        String given = defaults.get(key);
        if (given != null) {
            return OneOffValues.parse(model.name(), f, given);
        }
        if (check) {
            return ""; // never written: --check only tells whether a migration is needed
        }
        String why = key + " is a new NOT NULL field without a default, so the rows already in " + model.table()
                + " need a value";
        if (!terminal.interactive()) {
            throw new NeedsAnswer(why + ": give it with --default " + key + "=VALUE (used once, not kept as the "
                    + "column's default), or declare a defaultValue or nullable = true on the field");
        }
        String a = terminal.ask(out, why + ".\nType a one-off value for them (" + f.type() + "), or press Enter to stop "
                + "and declare a defaultValue on the field: ");
        if (a.isEmpty()) {
            throw new NeedsAnswer("Stopped: declare a defaultValue (or nullable = true) on " + key + ", or give "
                    + "--default " + key + "=VALUE");
        }
        return OneOffValues.parse(model.name(), f, a);
    }

    /** {@code Book.title=name} as [Book, title, name]. */
    static String[] split(String spec, String option, String form) {
        int dot = spec.indexOf('.');
        int eq = spec.indexOf('=');
        if (dot <= 0 || eq < dot + 2 || eq == spec.length() - 1) {
            throw new NeedsAnswer(option + " '" + spec + "' is not of the form " + form);
        }
        return new String[] {spec.substring(0, dot), spec.substring(dot + 1, eq), spec.substring(eq + 1)};
    }
}
