package dev.quarry.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Writes the generated accessor of one model ({@code Book__Accessor}, the core's
 * {@code dev.quarry.spi.ModelAccessor}): a {@code switch} per read and write over the instance fields
 * the generated class can reach (those of the model and its superclasses, {@code Model.id} included,
 * that are not private, final or static), {@code new Book()}, the creation of its relation holders
 * ({@code Ref} and {@code ManyToMany} fields) in one call from the model's constructor, and the reading of a
 * row into a new instance with a call site per field ({@code readRow}, laid out by the core's {@code RowPlan}),
 * and of a whole result in a loop of its own ({@code readRows}, both through one private {@code fill}).
 * Fields it cannot reach stay on the core's reflective path (and the rows of such a model are read field by field). A model without a no-argument constructor the package can call gets none.
 */
final class AccessorWriter {
    private static final ClassName MODEL_ACCESSOR = ClassName.get("dev.quarry.spi", "ModelAccessor");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName RELATION_HOLDERS = ClassName.get("dev.quarry.spi", "RelationHolders");
    private static final ClassName ROW_PLAN = ClassName.get("dev.quarry.spi", "RowPlan");
    private static final ClassName ROW_SINK = ClassName.get("dev.quarry.spi", "RowSink");
    private static final ClassName COLUMN_READER = ClassName.get("dev.quarry.spi", "ColumnReader");

    private final Elements elements;

    AccessorWriter(Elements elements) {
        this.elements = elements;
    }

    /** The name of the accessor class of {@code model}: {@code Book__Accessor}, in the model's package. */
    static ClassName accessorName(ClassName model) {
        return ClassName.get(model.packageName(), model.simpleName() + "__Accessor");
    }

    /** The accessor's source, or {@code null} when the model cannot be created from its package. */
    JavaFile write(TypeElement model) {
        ClassName type = ClassName.get(model);
        if (!constructible(model)) {
            return null;
        }
        Map<String, TypeMirror> fields = reachableFields(model, type.packageName());
        ClassName self = accessorName(type);
        CodeBlock.Builder names = CodeBlock.builder().add("$T.of(", List.class);
        CodeBlock.Builder get = CodeBlock.builder().add("$T m = ($T) instance;\nreturn switch (field) {\n$>", type, type);
        CodeBlock.Builder set = CodeBlock.builder().add("$T m = ($T) instance;\nswitch (field) {\n$>", type, type);
        CodeBlock.Builder relationNames = CodeBlock.builder().add("$T.of(", List.class);
        CodeBlock.Builder relations = CodeBlock.builder().add("$T m = ($T) instance;\n", type, type);
        CodeBlock.Builder keys = CodeBlock.builder().add("switch (plan.keyField()) {\n$>");
        CodeBlock.Builder row = CodeBlock.builder();
        int i = 0;
        int r = 0;
        for (Map.Entry<String, TypeMirror> f : fields.entrySet()) {
            names.add(i == 0 ? "$S" : ", $S", f.getKey());
            get.add("case $L -> m.$N;\n", i, f.getKey());
            set.add("case $L -> m.$N = ($T) value;\n", i, f.getKey(), TypeName.get(f.getValue()).box());
            String holder = holder(f.getValue());
            readField(keys, row, i, f.getKey(), f.getValue(), holder);
            if (holder != null) {
                relationNames.add(r++ == 0 ? "$S" : ", $S", f.getKey());
                if (holder.equals("ref")) {
                    relations.add("if (m.$N == null) {\n$>m.$N = ($T) holders.ref(m);\n$<}\n", f.getKey(), f.getKey(),
                            TypeName.get(f.getValue()));
                } else {
                    relations.addStatement("m.$N = ($T) holders.manyToMany(m)", f.getKey(), TypeName.get(f.getValue()));
                }
            }
            i++;
        }
        names.add(")");
        relationNames.add(")");
        get.add("default -> throw new $T(field);\n$<};\n", IndexOutOfBoundsException.class);
        set.add("default -> throw new $T(field);\n$<}\n", IndexOutOfBoundsException.class);
        keys.add("default -> {\n}\n$<}\n");
        CodeBlock fill = CodeBlock.builder()
                .addStatement("$T[] c = plan.readers()", COLUMN_READER)
                .addStatement("int[] col = plan.columns()")
                .add(keys.build()).add(row.build()).build();
        TypeSpec accessor = TypeSpec.classBuilder(self)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(MODEL_ACCESSOR)
                .addOriginatingElement(model)
                .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", MetamodelProcessor.class.getName()).build())
                .addJavadoc("Reads and writes the fields of {@link $T} and creates instances without reflection;\n"
                        + "found by the core beside the model. Generated; do not edit.\n", type)
                .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "FIELDS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(names.build()).build())
                .addField(FieldSpec.builder(ParameterizedTypeName.get(List.class, String.class), "RELATIONS",
                        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer(relationNames.build()).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("The accessor, for the core to create.\n").build())
                .addMethod(MethodSpec.methodBuilder("modelClass").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
                        .addStatement("return $T.class", type).build())
                .addMethod(MethodSpec.methodBuilder("fields").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, String.class)).addStatement("return FIELDS").build())
                .addMethod(MethodSpec.methodBuilder("newInstance").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(Object.class).addStatement("return new $T()", type).build())
                .addMethod(MethodSpec.methodBuilder("get").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(Object.class).addParameter(Object.class, "instance").addParameter(int.class, "field")
                        .addCode(get.build()).build())
                .addMethod(MethodSpec.methodBuilder("set").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                        .addParameter(Object.class, "instance").addParameter(int.class, "field").addParameter(Object.class, "value")
                        .addCode(set.build()).build())
                .addMethod(MethodSpec.methodBuilder("relationFields").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(List.class, String.class)).addStatement("return RELATIONS").build())
                .addMethod(MethodSpec.methodBuilder("newRelations").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                        .addParameter(Object.class, "instance").addParameter(RELATION_HOLDERS, "holders")
                        .addCode(relations.build()).build())
                .addMethod(MethodSpec.methodBuilder("readsRows").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class).addStatement("return true").build())
                .addMethod(MethodSpec.methodBuilder("readRow").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addParameter(Object.class, "instance").addParameter(Object.class, "key")
                        .addParameter(ResultSet.class, "rs").addParameter(ROW_PLAN, "plan")
                        .addException(SQLException.class)
                        .addStatement("fill(($T) instance, key, rs, plan)", type).build())
                .addMethod(MethodSpec.methodBuilder("readsRowLoops").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class).addStatement("return true").build())
                .addMethod(MethodSpec.methodBuilder("readRows").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
                        .addParameter(ResultSet.class, "rs").addParameter(ROW_PLAN, "plan").addParameter(ROW_SINK, "sink")
                        .addException(SQLException.class)
                        .beginControlFlow("while (rs.next())")
                        .addStatement("Object key = plan.rowKey(rs)")
                        .addStatement("$T m = null", type)
                        .beginControlFlow("if (key != null)")
                        .addStatement("m = new $T()", type)
                        .addStatement("fill(m, key, rs, plan)")
                        .endControlFlow()
                        .beginControlFlow("if (!sink.loaded(m))")
                        .addStatement("return")
                        .endControlFlow()
                        .endControlFlow().build())
                .addMethod(MethodSpec.methodBuilder("fill").addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .addJavadoc("Reads the current row into {@code m}, whose primary key is {@code key}; a call site per field.\n")
                        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build())
                        .addParameter(type, "m").addParameter(Object.class, "key")
                        .addParameter(ResultSet.class, "rs").addParameter(ROW_PLAN, "plan")
                        .addException(SQLException.class)
                        .addCode(fill).build())
                .build();
        return JavaFile.builder(self.packageName(), accessor).skipJavaLangImports(true).build();
    }

    /**
     * Adds field {@code i}'s part of {@code readRow}: its case of the primary key switch in {@code keys} (a plain
     * field), and in {@code row} the call of its reader from a call site of its own, stored through the plan's
     * conversion (a primitive keeps its default for NULL), or, for a {@code Ref}, the plan's key reading; a
     * many-to-many field has no column.
     */
    private static void readField(CodeBlock.Builder keys, CodeBlock.Builder row, int i, String name, TypeMirror type,
                                  String holder) {
        if ("manyToMany".equals(holder)) {
            return;
        }
        row.beginControlFlow("if (c[$L] != null)", i);
        if ("ref".equals(holder)) {
            row.addStatement("plan.key($L, rs, m.$N)", i, name);
        } else {
            TypeName boxed = TypeName.get(type).box();
            keys.add("case $L -> m.$N = ($T) key;\n", i, name, boxed);
            if (type.getKind().isPrimitive()) {
                row.addStatement("Object v = plan.value($L, c[$L].read(rs, col[$L]))", i, i, i)
                        .beginControlFlow("if (v != null)").addStatement("m.$N = ($T) v", name, boxed).endControlFlow();
            } else {
                row.addStatement("m.$N = ($T) plan.value($L, c[$L].read(rs, col[$L]))", name, boxed, i, i, i);
            }
        }
        row.endControlFlow();
    }

    /**
     * {@code "ref"} for a {@code dev.quarry.Ref} field, {@code "manyToMany"} for a {@code dev.quarry.ManyToMany} one
     * (the relation holders the model's constructor creates), else {@code null}.
     */
    private static String holder(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        String name = ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString();
        return name.equals("dev.quarry.Ref") ? "ref" : name.equals("dev.quarry.ManyToMany") ? "manyToMany" : null;
    }

    /** Whether the generated class, in the model's package, can call {@code new Model()}. */
    private static boolean constructible(TypeElement model) {
        for (TypeElement c = model; c != null; c = c.getEnclosingElement() instanceof TypeElement outer ? outer : null) {
            if (c.getModifiers().contains(Modifier.PRIVATE)) {
                return false;
            }
        }
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(model.getEnclosedElements());
        return constructors.stream().anyMatch(c -> c.getParameters().isEmpty() && !c.getModifiers().contains(Modifier.PRIVATE));
    }

    /** The instance fields of the model and its superclasses that code in {@code pkg} can read and write, by name. */
    private Map<String, TypeMirror> reachableFields(TypeElement model, String pkg) {
        List<TypeElement> chain = new ArrayList<>();
        for (TypeMirror t = model.asType(); t.getKind() == TypeKind.DECLARED; ) {
            TypeElement e = (TypeElement) ((DeclaredType) t).asElement();
            if (e.getQualifiedName().contentEquals("java.lang.Object")) {
                break;
            }
            chain.add(0, e);
            t = e.getSuperclass();
        }
        Map<String, TypeMirror> out = new LinkedHashMap<>();
        for (TypeElement c : chain) {
            boolean samePackage = elements.getPackageOf(c).getQualifiedName().contentEquals(pkg);
            for (VariableElement f : ElementFilter.fieldsIn(c.getEnclosedElements())) {
                var mods = f.getModifiers();
                boolean reachable = mods.contains(Modifier.PUBLIC) || (samePackage && !mods.contains(Modifier.PRIVATE));
                if (reachable && !mods.contains(Modifier.STATIC) && !mods.contains(Modifier.FINAL)
                        && !mods.contains(Modifier.TRANSIENT) && f.asType().getKind() != TypeKind.TYPEVAR) {
                    out.remove(f.getSimpleName().toString()); // a subclass's field hides its superclass's
                    out.put(f.getSimpleName().toString(), f.asType());
                }
            }
        }
        return out;
    }
}
