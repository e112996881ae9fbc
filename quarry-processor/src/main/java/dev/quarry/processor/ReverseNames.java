package dev.quarry.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.annotation.processing.Messager;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Adds the reverse side of each forward relation to its target, named by the core's rule (its
 * {@code ReverseRelation}): without {@code relatedName} the accessor is {@code <model>_set} ({@code <model>}
 * for a one-to-one) and the query name {@code <model>}; {@code relatedName} sets both,
 * {@code relatedQueryName} the query name alone, and a name ending in {@code +} hides the side. The
 * metamodel member is named by the query name, as lookups use it. A name that clashes with a field or
 * another reverse side is a compile error naming both, as the registry refuses it at start-up. As in the
 * registry (and Django), reverse sides belong to the concrete model: a relation to a proxy is a reverse side of
 * the proxy's concrete model, and every proxy of a model has the concrete model's reverse sides. A multi-table
 * child's parent link ({@code Kiosk.storePtr}) has a reverse one-to-one on the parent named after the child
 * ({@code kiosk}), and a child has its parents' reverse sides but those of their parent links, as Django 3.2's
 * {@code Kiosk._meta.get_fields()}: {@code sales} (a foreign key to Store), not {@code kiosk} or a sibling's link.
 */
final class ReverseNames {
    private ReverseNames() {}

    /** The models with their reverse links added; {@code null} after an error. */
    static Map<TypeElement, ModelSource> addReverse(Map<TypeElement, ModelSource> models, List<ModelSource.Forward> forwards,
                                                    UnaryOperator<TypeElement> concrete, UnaryOperator<TypeElement> parent,
                                                    Messager messager) {
        Map<TypeElement, List<ModelSource.Link>> reverse = new HashMap<>();
        Map<TypeElement, List<ModelSource.Link>> inheritable = new HashMap<>();
        Map<TypeElement, Map<String, ModelSource.Forward>> claimed = new HashMap<>();
        boolean ok = true;
        for (ModelSource.Forward f : forwards) {
            TypeElement owner = concrete.apply(f.target());
            ModelSource target = models.get(owner);
            if (target == null || f.symmetrical() || f.relatedName().endsWith("+")) {
                continue; // a model compiled elsewhere, or a side without a reverse name
            }
            String model = Names.modelName(f.source().getSimpleName().toString());
            String related = f.relatedName();
            String accessor = related.isEmpty() ? (f.oneToOne() ? model : model + "_set") : related;
            String query = !f.relatedQueryName().isEmpty() ? f.relatedQueryName() : !related.isEmpty() ? related : model;
            String label = f.label();
            if (target.memberNames().contains(query)) {
                messager.printMessage(Diagnostic.Kind.ERROR, String.format("Reverse name '%s' of %s clashes with field %s.%s; "
                        + "give %s a different relatedName", query, label, target.type().simpleName(), query, label), f.field());
                ok = false;
                continue;
            }
            ModelSource.Forward other = claimed.computeIfAbsent(owner, t -> new HashMap<>()).putIfAbsent(query, f);
            if (other != null) {
                messager.printMessage(Diagnostic.Kind.ERROR, String.format("Reverse query name '%s' on %s is claimed by both "
                        + "%s and %s; give one of them a relatedName", query, target.type().simpleName(),
                        other.label(), label), f.field());
                ok = false;
                continue;
            }
            ModelSource.Link link = new ModelSource.Link(javax.lang.model.SourceVersion.isKeyword(query) ? query + "_" : query,
                    query, accessor, !f.oneToOne(), f.source(), f.field());
            reverse.computeIfAbsent(owner, t -> new ArrayList<>()).add(link);
            if (!f.parentLink()) {
                inheritable.computeIfAbsent(owner, t -> new ArrayList<>()).add(link);
            }
        }
        if (!ok) {
            return null;
        }
        Map<TypeElement, ModelSource> out = new java.util.LinkedHashMap<>();
        models.forEach((type, m) -> {
            List<ModelSource.Link> links = new ArrayList<>(m.links());
            links.addAll(reverse.getOrDefault(concrete.apply(type), List.of()));
            // A name of the child's own wins over a parent's reverse side, as the core's lookups resolve it.
            java.util.Set<String> taken = new java.util.HashSet<>();
            m.fields().forEach(f -> taken.add(f.member()));
            links.forEach(l -> taken.add(l.member()));
            for (TypeElement p = parent.apply(concrete.apply(type)); p != null; p = parent.apply(p)) {
                for (ModelSource.Link l : inheritable.getOrDefault(p, List.of())) {
                    if (taken.add(l.member())) {
                        links.add(l);
                    }
                }
            }
            out.put(type, new ModelSource(m.element(), m.type(), m.fields(), List.copyOf(links)));
        });
        return out;
    }
}
