package dev.quarry.migrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Shortens a list of operations where that is simple and safe (the part of Django's
 * {@code MigrationOptimizer} that squashing needs): CreateModel absorbs a later AddField, AlterField,
 * RemoveField, AddManyToMany, AlterUniqueTogether or AddConstraint of a check of its model (Django 3.2 keeps
 * that AddConstraint apart; a CHECK in CREATE TABLE of a new, empty table is the same rule); CreateModel then DeleteModel, and
 * AddField then RemoveField of the same field, cancel out. Two operations combine only when no operation
 * between them mentions a model either mentions, and never across RunSql or RunJava.
 */
final class Optimizer {
    private Optimizer() {}

    /** The operations, shortened until no rule applies. */
    static List<Operation> optimize(List<Operation> operations) {
        List<Operation> ops = new ArrayList<>(operations);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < ops.size(); i++) {
                for (int j = i + 1; j < ops.size(); j++) {
                    List<Operation> merged = reduce(ops.get(i), ops.get(j));
                    if (merged != null && clearBetween(ops, i, j)) {
                        List<Operation> out = new ArrayList<>(ops.subList(0, i));
                        out.addAll(merged);
                        out.addAll(ops.subList(i + 1, j));
                        out.addAll(ops.subList(j + 1, ops.size()));
                        ops = out;
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        return List.copyOf(ops);
    }

    /** Whether no operation strictly between {@code i} and {@code j} mentions a model they mention, or is code. */
    private static boolean clearBetween(List<Operation> ops, int i, int j) {
        Set<String> mentioned = mentions(ops.get(i));
        mentioned.addAll(mentions(ops.get(j)));
        for (int k = i + 1; k < j; k++) {
            Operation between = ops.get(k);
            if (between instanceof CodeOperations.RunSql || between instanceof CodeOperations.RunJava) {
                return false;
            }
            for (String m : mentions(between)) {
                if (mentioned.contains(m)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The models an operation changes and the models its fields refer to. */
    private static Set<String> mentions(Operation op) {
        Set<String> out = new HashSet<>(op.models());
        for (Object a : op.arguments()) {
            if (a instanceof FieldState f && f.relatedModel() != null) {
                out.add(f.relatedModel());
            } else if (a instanceof ManyToManyState mm) {
                out.add(mm.relatedModel());
            } else if (a instanceof ModelState m) {
                m.fields().stream().filter(f -> f.relatedModel() != null).forEach(f -> out.add(f.relatedModel()));
                m.manyToMany().forEach(mm -> out.add(mm.relatedModel()));
            }
        }
        return out;
    }

    /** The operations replacing {@code a} then {@code b}, or {@code null} when they do not combine. */
    private static List<Operation> reduce(Operation a, Operation b) {
        String model = a.models().isEmpty() ? null : a.models().get(0);
        if (model == null || b.models().size() != 1 || !b.models().get(0).equals(model)) {
            return null;
        }
        List<Object> args = b.arguments();
        if (a.factory().equals("createModel")) {
            ModelState m = (ModelState) a.arguments().get(0);
            switch (b.factory()) {
                case "deleteModel":
                    return List.of();
                case "addField":
                    return List.of(Operation.createModel(m.withField((FieldState) args.get(1))));
                case "alterField":
                    FieldState altered = (FieldState) args.get(1);
                    return List.of(Operation.createModel(m.withFieldReplaced(altered.name(), altered)));
                case "removeField":
                    String name = (String) args.get(1);
                    if (m.uniqueTogether().stream().anyMatch(s -> s.contains(name))) {
                        return null;
                    }
                    return List.of(Operation.createModel(m.withoutField(name)));
                case "addManyToMany":
                    return List.of(Operation.createModel(m.withManyToMany(x -> false, (ManyToManyState) args.get(1))));
                case "addConstraint":
                    if (!(args.get(1) instanceof CheckState check)) {
                        return null;
                    }
                    List<CheckState> checks = new ArrayList<>(m.checks());
                    checks.add(check);
                    return List.of(Operation.createModel(m.withChecks(checks)));
                case "alterUniqueTogether":
                    @SuppressWarnings("unchecked")
                    List<List<String>> sets = (List<List<String>>) args.get(1);
                    return List.of(Operation.createModel(m.withUniqueTogether(sets)));
                default:
                    return null;
            }
        }
        if (a.factory().equals("addField") && b.factory().equals("removeField")
                && ((FieldState) a.arguments().get(1)).name().equals(args.get(1))) {
            return List.of();
        }
        return null;
    }
}
