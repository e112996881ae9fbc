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
 * that are not private, final or static), {@code new Book()}, and the creation of its relation holders
 * ({@code Ref} and {@code ManyToMany} fields) in one call from the model's constructor. Fields it cannot reach stay on the
 * core's reflective path. A model without a no-argument constructor the package can call gets none.
 */
final class AccessorWriter {
    private static final ClassName MODEL_ACCESSOR = ClassName.get("dev.quarry.spi", "ModelAccessor");
    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    private static final ClassName RELATION_HOLDERS = ClassName.get("dev.quarry.spi", "RelationHolders");

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
        int i = 0;
        int r = 0;
        for (Map.Entry<String, TypeMirror> f : fields.entrySet()) {
            names.add(i == 0 ? "$S" : ", $S", f.getKey());
            get.add("case $L -> m.$N;\n", i, f.getKey());
            set.add("case $L -> m.$N = ($T) value;\n", i, f.getKey(), TypeName.get(f.getValue()).box());
            String holder = holder(f.getValue());
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
                .build();
        return JavaFile.builder(self.packageName(), accessor).skipJavaLangImports(true).build();
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
