package dev.quarry.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the typed metamodel ({@code Book_}) of every concrete Quarry model compiled with it.
 * Reverse relations come from the models of the same compilation; a relation to a model compiled
 * elsewhere is a plain {@code RelationPath}/{@code ManyPath}, without navigation. Option
 * {@code -Aquarry.metamodel.depth=N} (default 3) sets how many relations a path can follow. Beside
 * each metamodel it writes the model's accessor ({@code Book__Accessor}), through which the core reads
 * and writes fields without reflection; {@code -Aquarry.accessors=false} leaves the accessors out.
 */
public final class MetamodelProcessor extends AbstractProcessor {
    /** The processor option setting how many relations a typed path can follow. */
    public static final String DEPTH_OPTION = "quarry.metamodel.depth";
    /** The processor option that turns the generated accessors off ({@code false}); they are on by default. */
    public static final String ACCESSORS_OPTION = "quarry.accessors";
    private static final int DEFAULT_DEPTH = 3;

    /** A processor for the compiler's service loader. */
    public MetamodelProcessor() {
        // created by javac through META-INF/services/javax.annotation.processing.Processor
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        // Every class is looked at: a model need not carry an annotation of its own.
        return Set.of("*");
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(DEPTH_OPTION, ACCESSORS_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (round.processingOver()) {
            return false;
        }
        ModelReader reader = new ModelReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(),
                processingEnv.getMessager());
        List<TypeElement> found = new ArrayList<>();
        for (Element e : round.getRootElements()) {
            collect(e, reader, found);
        }
        if (found.isEmpty()) {
            return false;
        }
        List<ModelSource.Forward> forwards = new ArrayList<>();
        Map<TypeElement, ModelSource> models = new LinkedHashMap<>();
        boolean ok = true;
        for (TypeElement t : found) {
            ModelSource m = reader.read(t, forwards);
            if (m == null) {
                ok = false;
            } else {
                models.put(t, m);
            }
        }
        Map<TypeElement, ModelSource> complete = ok ? ReverseNames.addReverse(models, forwards, reader::concrete,
                reader::multiTableParent, processingEnv.getMessager()) : null;
        if (complete == null) {
            return false;
        }
        Integer depth = depth();
        if (depth == null) {
            return false;
        }
        MetamodelWriter writer = new MetamodelWriter(depth, complete.keySet());
        AccessorWriter accessors = "false".equalsIgnoreCase(processingEnv.getOptions().get(ACCESSORS_OPTION)) ? null
                : new AccessorWriter(processingEnv.getElementUtils());
        for (ModelSource m : complete.values()) {
            try {
                writer.write(m).writeTo(processingEnv.getFiler());
                com.palantir.javapoet.JavaFile accessor = accessors == null ? null : accessors.write(m.element());
                if (accessor != null) {
                    accessor.writeTo(processingEnv.getFiler());
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        "Could not write the metamodel of " + m.type().simpleName() + ": " + e.getMessage(), m.element());
            }
        }
        return false;
    }

    private static void collect(Element e, ModelReader reader, List<TypeElement> out) {
        if (e.getKind() == ElementKind.CLASS) {
            TypeElement t = (TypeElement) e;
            if (!t.getModifiers().contains(Modifier.ABSTRACT) && reader.isModel(t)) {
                out.add(t);
            }
        }
        if (e.getKind().isClass() || e.getKind().isInterface()) {
            for (Element inner : e.getEnclosedElements()) {
                if (inner.getKind() == ElementKind.CLASS && inner.getModifiers().contains(Modifier.STATIC)) {
                    collect(inner, reader, out);
                }
            }
        }
    }

    private Integer depth() {
        String value = processingEnv.getOptions().get(DEPTH_OPTION);
        if (value == null) {
            return DEFAULT_DEPTH;
        }
        try {
            int d = Integer.parseInt(value.trim());
            if (d >= 1 && d <= 8) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "-A" + DEPTH_OPTION + "=" + value
                + " is not a depth: give a whole number from 1 to 8 (default " + DEFAULT_DEPTH + ")");
        return null;
    }
}
