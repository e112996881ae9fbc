package dev.quarry.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads one model class as the core's {@code ModelMeta} does, from annotation names alone: its value
 * fields (with the implicit {@code id} when no field is the primary key) and its forward relations, a
 * multi-table child's with its parents' and its parent links ({@code storePtr}). A
 * declaration the core would refuse at start-up is reported as a compile error on the field, with the
 * core's message.
 */
final class ModelReader {
    static final String MODEL = "dev.quarry.Model";
    private static final String ANNOTATIONS = "dev.quarry.annotation.";
    private static final String REF = "dev.quarry.Ref";
    private static final String MANY_TO_MANY = "dev.quarry.ManyToMany";
    /** Annotations of the package that do not declare a field on their own. */
    private static final Set<String> MARKERS = Set.of("Convert", "VersionField", "Meta");
    private static final Map<String, ModelSource.Kind> KINDS = kinds();

    private final Elements elements;
    private final Types types;
    private final Messager messager;

    ModelReader(Elements elements, Types types, Messager messager) {
        this.elements = elements;
        this.types = types;
        this.messager = messager;
    }

    private static Map<String, ModelSource.Kind> kinds() {
        Map<String, ModelSource.Kind> m = new LinkedHashMap<>();
        m.put("java.lang.String", ModelSource.Kind.STRING);
        m.put("java.lang.Boolean", ModelSource.Kind.BOOLEAN);
        for (String n : List.of("Integer", "Long", "Short", "Byte", "Double", "Float")) {
            m.put("java.lang." + n, ModelSource.Kind.NUMBER);
        }
        m.put("java.math.BigDecimal", ModelSource.Kind.NUMBER);
        m.put("java.math.BigInteger", ModelSource.Kind.NUMBER);
        m.put("java.time.LocalDate", ModelSource.Kind.DATE);
        for (String n : List.of("Instant", "LocalDateTime", "OffsetDateTime", "ZonedDateTime")) {
            m.put("java.time." + n, ModelSource.Kind.DATETIME);
        }
        m.put("java.time.LocalTime", ModelSource.Kind.COMPARABLE);
        m.put("java.time.Duration", ModelSource.Kind.COMPARABLE);
        return Map.copyOf(m);
    }

    /** Whether {@code type} extends {@code dev.quarry.Model} (and is not Model itself). */
    boolean isModel(TypeElement type) {
        for (TypeMirror s = type.getSuperclass(); s.getKind() == TypeKind.DECLARED; ) {
            TypeElement e = (TypeElement) ((DeclaredType) s).asElement();
            if (e.getQualifiedName().contentEquals(MODEL)) {
                return true;
            }
            s = e.getSuperclass();
        }
        return false;
    }

    /**
     * The concrete model whose rows {@code model} reads: itself, or for a proxy ({@code @Meta(proxy = true)})
     * the nearest non-abstract ancestor that is not a proxy, as the registry's {@code concrete()}.
     */
    TypeElement concrete(TypeElement model) {
        TypeElement m = model;
        while (isProxy(m)) {
            TypeElement up = superclass(m);
            while (up != null && up.getModifiers().contains(Modifier.ABSTRACT)) {
                up = superclass(up);
            }
            if (up == null || up.getQualifiedName().contentEquals(MODEL)) {
                return m; // a proxy of nothing: the core refuses it at start-up
            }
            m = up;
        }
        return m;
    }

    /**
     * The parent of a multi-table child ({@code @Meta(multiTable = true)}): the nearest non-abstract model class
     * it extends, as the core's {@code Inheritance.concreteParent}; {@code null} for any other model.
     */
    TypeElement multiTableParent(TypeElement model) {
        if (!meta(model, "multiTable") || meta(model, "proxy")) {
            return null; // proxy and multiTable together: the core refuses it at start-up
        }
        for (TypeElement up = superclass(model); up != null && !up.getQualifiedName().contentEquals(MODEL);
             up = superclass(up)) {
            if (!up.getModifiers().contains(Modifier.ABSTRACT)) {
                return up;
            }
        }
        return null; // a multi-table child of no model: the core refuses it at start-up
    }

    private boolean isProxy(TypeElement type) {
        return meta(type, "proxy");
    }

    private boolean meta(TypeElement type, String option) {
        for (AnnotationMirror a : type.getAnnotationMirrors()) {
            if (((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().contentEquals(ANNOTATIONS + "Meta")) {
                return bool(a, option);
            }
        }
        return false;
    }

    /** The model's fields and links, with its forward relations added to {@code forwards}; {@code null} after an error. */
    ModelSource read(TypeElement model, List<ModelSource.Forward> forwards) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeElement c = model; c != null && !c.getQualifiedName().contentEquals(MODEL); c = superclass(c)) {
            chain.add(0, c);
        }
        List<ModelSource.Field> fields = new ArrayList<>();
        List<ModelSource.Link> links = new ArrayList<>();
        ModelSource.Field pk = null;
        boolean ok = true;
        for (TypeElement c : chain) {
            // Fields of a concrete ancestor (a multi-table parent, a proxy's model) are readable here, but their
            // relations' reverse sides belong to that ancestor, as in the registry; an abstract base's are copied.
            boolean inherited = c != model && !c.getModifiers().contains(Modifier.ABSTRACT);
            TypeElement parent = multiTableParent(c);
            if (parent != null) {
                parentLink(model, c, parent, inherited, links, forwards);
            }
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                if (f.getModifiers().contains(Modifier.STATIC)) {
                    continue;
                }
                Map<String, AnnotationMirror> quarry = quarryAnnotations(f);
                String label = model.getSimpleName() + "." + f.getSimpleName();
                AnnotationMirror relation = first(quarry, "ForeignKey", "OneToOneField", "ManyToManyField");
                if (relation != null) {
                    String annotation = annotationName(relation);
                    boolean m2m = annotation.equals("ManyToManyField");
                    TypeElement target = target(f, m2m ? MANY_TO_MANY : REF, annotation, label);
                    if (target == null) {
                        ok = false;
                        continue;
                    }
                    String name = f.getSimpleName().toString();
                    String queryName = Names.snake(name);
                    links.add(new ModelSource.Link(name, queryName, name, m2m, target, f));
                    boolean symmetrical = m2m && bool(relation, "symmetrical") && types.isSameType(
                            types.erasure(target.asType()), types.erasure(model.asType()));
                    if (!inherited) {
                        String modelName = Names.modelName(model.getSimpleName().toString());
                        forwards.add(new ModelSource.Forward(model, f, name, target,
                                string(relation, "relatedName").replace("%(class)s", modelName),
                                string(relation, "relatedQueryName").replace("%(class)s", modelName),
                                annotation.equals("OneToOneField"), m2m, symmetrical, false));
                    }
                } else if (quarry.keySet().stream().anyMatch(n -> !MARKERS.contains(n))) {
                    ModelSource.Field field = field(f);
                    boolean isPk = quarry.values().stream().anyMatch(a -> bool(a, "primaryKey"));
                    if (isPk) {
                        pk = field;
                        fields.add(0, field);
                    } else {
                        fields.add(field);
                    }
                } else if (isHolder(f.asType(), REF) || isHolder(f.asType(), MANY_TO_MANY)) {
                    error(f, "%s is a %s without @%s", label, simpleName(f.asType()),
                            isHolder(f.asType(), REF) ? "ForeignKey or @OneToOneField" : "ManyToManyField");
                    ok = false;
                }
            }
        }
        if (pk == null) {
            TypeName longType = ClassName.get("java.lang", "Long");
            pk = new ModelSource.Field("id", "id", ModelSource.Kind.NUMBER, longType, longType);
            fields.add(0, pk);
        }
        if (fields.stream().noneMatch(f -> f.member().equals("pk"))) {
            fields.add(1, new ModelSource.Field("pk", "pk", pk.kind(), pk.valueType(), pk.rawType()));
        }
        return ok ? new ModelSource(model, ClassName.get(model), fields, links) : null;
    }

    /**
     * The parent link of the multi-table child {@code child} (itself or an ancestor of {@code model}), named as the
     * core's {@code Inheritance.parentLink} names it: Java name {@code <parent model name>Ptr} ({@code storePtr}),
     * lookups {@code store_ptr}, a one-to-one to the parent. Django 3.2 lists it in {@code Kiosk._meta.get_fields()},
     * and a grandchild's fields hold both links ({@code kiosk_ptr}, {@code store_ptr}). Its reverse side
     * ({@code kiosk} on Store) is the child's own, so it is added to {@code forwards} only when read for the child.
     */
    private static void parentLink(TypeElement model, TypeElement child, TypeElement parent, boolean inherited,
                                   List<ModelSource.Link> links, List<ModelSource.Forward> forwards) {
        String name = Names.modelName(parent.getSimpleName().toString()) + "Ptr";
        links.add(new ModelSource.Link(name, Names.snake(name), name, false, parent, child));
        if (!inherited) {
            forwards.add(new ModelSource.Forward(model, child, name, parent, "", "", true, false, false, true));
        }
    }

    private ModelSource.Field field(VariableElement f) {
        TypeMirror t = f.asType();
        TypeName value = TypeName.get(t).box();
        TypeName raw = TypeName.get(types.erasure(t)).box();
        ModelSource.Kind kind = ModelSource.Kind.OTHER;
        if (t.getKind().isPrimitive()) {
            kind = t.getKind() == TypeKind.BOOLEAN ? ModelSource.Kind.BOOLEAN
                    : t.getKind() == TypeKind.CHAR ? ModelSource.Kind.OTHER : ModelSource.Kind.NUMBER;
        } else if (t.getKind() == TypeKind.DECLARED) {
            String name = ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().toString();
            kind = KINDS.getOrDefault(name, ModelSource.Kind.OTHER);
        }
        String name = f.getSimpleName().toString();
        return new ModelSource.Field(name, Names.snake(name), kind, value, raw);
    }

    /** The model a relation field points at, or {@code null} after reporting why there is none. */
    private TypeElement target(VariableElement f, String holder, String annotation, String label) {
        TypeMirror t = f.asType();
        if (!isHolder(t, holder) || ((DeclaredType) t).getTypeArguments().size() != 1
                || ((DeclaredType) t).getTypeArguments().get(0).getKind() != TypeKind.DECLARED) {
            error(f, "@%s on %s needs a field of type %s<Target>, found %s", annotation, label,
                    holder.substring(holder.lastIndexOf('.') + 1), t);
            return null;
        }
        TypeElement target = (TypeElement) ((DeclaredType) ((DeclaredType) t).getTypeArguments().get(0)).asElement();
        if (!isModel(target)) {
            error(f, "@%s on %s points at %s, which is not a model (models extend dev.quarry.Model)", annotation, label,
                    elements.getBinaryName(target));
            return null;
        }
        return target;
    }

    private boolean isHolder(TypeMirror t, String holder) {
        return t.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) t).asElement()).getQualifiedName().contentEquals(holder);
    }

    private static String simpleName(TypeMirror t) {
        return ((DeclaredType) t).asElement().getSimpleName().toString();
    }

    private static TypeElement superclass(TypeElement c) {
        TypeMirror s = c.getSuperclass();
        return s.getKind() == TypeKind.DECLARED ? (TypeElement) ((DeclaredType) s).asElement() : null;
    }

    private static Map<String, AnnotationMirror> quarryAnnotations(VariableElement f) {
        Map<String, AnnotationMirror> out = new LinkedHashMap<>();
        for (AnnotationMirror a : f.getAnnotationMirrors()) {
            String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
            if (name.startsWith(ANNOTATIONS) && name.indexOf('.', ANNOTATIONS.length()) < 0) {
                out.put(name.substring(ANNOTATIONS.length()), a);
            }
        }
        return out;
    }

    private static AnnotationMirror first(Map<String, AnnotationMirror> annotations, String... names) {
        for (String n : names) {
            if (annotations.containsKey(n)) {
                return annotations.get(n);
            }
        }
        return null;
    }

    private static String annotationName(AnnotationMirror a) {
        return a.getAnnotationType().asElement().getSimpleName().toString();
    }

    private Object value(AnnotationMirror a, String element) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(a).entrySet()) {
            if (e.getKey().getSimpleName().contentEquals(element)) {
                return e.getValue().getValue();
            }
        }
        return null;
    }

    private String string(AnnotationMirror a, String element) {
        Object v = value(a, element);
        return v instanceof String s ? s : "";
    }

    private boolean bool(AnnotationMirror a, String element) {
        return Boolean.TRUE.equals(value(a, element));
    }

    private void error(javax.lang.model.element.Element at, String format, Object... args) {
        messager.printMessage(Diagnostic.Kind.ERROR, String.format(format, args), at);
    }
}
