package dev.quarry.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Set;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Writes the metamodel class of one model ({@code Book_}) with JavaPoet: a static path constant per
 * member, and for navigation the nested classes {@code One1..One<depth>} (a single-valued relation to
 * this model) and {@code Many1..Many<depth>} (a multi-valued one), which hold the same members under a
 * prefix. A relation member of a class at level {@code k} is of level {@code k + 1}; the last level has
 * value members only, so a path longer than the depth does not compile (raise
 * {@code -Aquarry.metamodel.depth}).
 */
final class MetamodelWriter {
    private static final String TYPED = "dev.quarry.query.typed";
    private static final ClassName STRING_PATH = ClassName.get(TYPED, "StringPath");
    private static final ClassName BOOLEAN_PATH = ClassName.get(TYPED, "BooleanPath");
    private static final ClassName NUMBER_PATH = ClassName.get(TYPED, "NumberPath");
    private static final ClassName DATE_PATH = ClassName.get(TYPED, "DatePath");
    private static final ClassName DATE_TIME_PATH = ClassName.get(TYPED, "DateTimePath");
    private static final ClassName COMPARABLE_PATH = ClassName.get(TYPED, "ComparablePath");
    private static final ClassName FIELD_PATH = ClassName.get(TYPED, "FieldPath");
    private static final ClassName RELATION_PATH = ClassName.get(TYPED, "RelationPath");
    private static final ClassName MANY_PATH = ClassName.get(TYPED, "ManyPath");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private final int depth;
    private final Set<TypeElement> generated;

    /** A writer nesting {@code depth} levels, linking to the metamodels of {@code generated} models. */
    MetamodelWriter(int depth, Set<TypeElement> generated) {
        this.depth = depth;
        this.generated = generated;
    }

    /** The name of the metamodel class of {@code model}: {@code Book_}, in the model's package. */
    static ClassName metamodelName(ClassName model) {
        return ClassName.get(model.packageName(), model.simpleName() + "_");
    }

    JavaFile write(ModelSource model) {
        ClassName self = metamodelName(model.type());
        TypeSpec.Builder root = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addOriginatingElement(model.element())
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", MetamodelProcessor.class.getName()).build())
                .addJavadoc("The typed metamodel of {@link $T}: one path per field and relation, giving the conditions,\n"
                        + "orderings and aggregates of the lookup strings ({@code $T.$N.eq(...)}). Generated; do not edit.\n",
                        model.type(), self, model.fields().get(0).member())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        if (model.fields().stream().anyMatch(f -> f.valueType() instanceof ParameterizedTypeName)) {
            root.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        for (ModelSource.Field f : model.fields()) {
            root.addField(FieldSpec.builder(fieldType(f), f.member(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L}: lookups as {@code \"$L\"}.\n", f.member(), f.queryName())
                    .initializer(fieldInit(f, CodeBlock.of("$S", f.queryName()))).build());
        }
        for (ModelSource.Link l : model.links()) {
            root.addField(FieldSpec.builder(linkType(l, 1), l.member(), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("{@code $L}: lookups as {@code \"$L\"}, loading as {@code \"$L\"}.\n", l.member(),
                            l.queryName(), l.accessor())
                    .initializer(linkInit(l, 1, CodeBlock.of("$S", l.queryName()), CodeBlock.of("$S", l.accessor())))
                    .build());
        }
        for (int level = 1; level <= depth; level++) {
            root.addType(nested(model, self, level, false));
            root.addType(nested(model, self, level, true));
        }
        return JavaFile.builder(self.packageName(), root.build()).skipJavaLangImports(true).build();
    }

    private TypeSpec nested(ModelSource model, ClassName self, int level, boolean many) {
        String name = (many ? "Many" : "One") + level;
        TypeSpec.Builder type = TypeSpec.classBuilder(self.nestedClass(name))
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(many ? MANY_PATH : RELATION_PATH, model.type()))
                .addJavadoc("A $L relation to {@link $T} at level $L of a path, with its members.\n",
                        many ? "multi-valued" : "single-valued", model.type(), level);
        MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                .addJavadoc("The relation at {@code path} (lookups) and {@code accessorPath} (loading).\n")
                .addParameter(String.class, "path")
                .addParameter(String.class, "accessorPath")
                .addStatement("super(path, accessorPath, $T.class)", model.type());
        for (ModelSource.Field f : model.fields()) {
            type.addField(FieldSpec.builder(fieldType(f), f.member(), Modifier.PUBLIC, Modifier.FINAL)
                    .addJavadoc("{@code $L} of the related row.\n", f.member()).build());
            constructor.addStatement("this.$N = $L", f.member(), fieldInit(f, CodeBlock.of("path + $S", "__" + f.queryName())));
        }
        if (level < depth) {
            for (ModelSource.Link l : model.links()) {
                type.addField(FieldSpec.builder(linkType(l, level + 1), l.member(), Modifier.PUBLIC, Modifier.FINAL)
                        .addJavadoc("{@code $L} of the related row.\n", l.member()).build());
                constructor.addStatement("this.$N = $L", l.member(), linkInit(l, level + 1,
                        CodeBlock.of("path + $S", "__" + l.queryName()), CodeBlock.of("accessorPath + $S", "__" + l.accessor())));
            }
        }
        if (model.fields().stream().anyMatch(f -> f.valueType() instanceof ParameterizedTypeName)) {
            type.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
        }
        return type.addMethod(constructor.build()).build();
    }

    private static TypeName fieldType(ModelSource.Field f) {
        return switch (f.kind()) {
            case STRING -> STRING_PATH;
            case BOOLEAN -> BOOLEAN_PATH;
            case NUMBER -> ParameterizedTypeName.get(NUMBER_PATH, f.valueType());
            case DATE -> ParameterizedTypeName.get(DATE_PATH, f.valueType());
            case DATETIME -> ParameterizedTypeName.get(DATE_TIME_PATH, f.valueType());
            case COMPARABLE -> ParameterizedTypeName.get(COMPARABLE_PATH, f.valueType());
            case OTHER -> ParameterizedTypeName.get(FIELD_PATH, f.valueType());
        };
    }

    private static CodeBlock fieldInit(ModelSource.Field f, CodeBlock path) {
        if (f.kind() == ModelSource.Kind.STRING || f.kind() == ModelSource.Kind.BOOLEAN) {
            return CodeBlock.of("new $T($L)", fieldType(f), path);
        }
        ClassName raw = ((ParameterizedTypeName) fieldType(f)).rawType();
        if (f.valueType() instanceof ParameterizedTypeName) {
            // A generic value type (List<String>) has no class literal of its own: the erasure's, cast.
            return CodeBlock.of("new $T<>($L, ($T) ($T<?>) $T.class)", raw, path,
                    ParameterizedTypeName.get(ClassName.get(Class.class), f.valueType()), Class.class, f.rawType());
        }
        if (f.valueType() instanceof ArrayTypeName) {
            return CodeBlock.of("new $T<>($L, $T.class)", raw, path, f.valueType());
        }
        return CodeBlock.of("new $T<>($L, $T.class)", raw, path, f.rawType());
    }

    private TypeName linkType(ModelSource.Link l, int level) {
        if (generated.contains(l.target())) {
            return metamodelName(ClassName.get(l.target())).nestedClass((l.many() ? "Many" : "One") + level);
        }
        return ParameterizedTypeName.get(l.many() ? MANY_PATH : RELATION_PATH, ClassName.get(l.target()));
    }

    private CodeBlock linkInit(ModelSource.Link l, int level, CodeBlock path, CodeBlock accessor) {
        if (generated.contains(l.target())) {
            return CodeBlock.of("new $T($L, $L)", linkType(l, level), path, accessor);
        }
        return CodeBlock.of("new $T<>($L, $L, $T.class)", l.many() ? MANY_PATH : RELATION_PATH, path, accessor,
                ClassName.get(l.target()));
    }
}
