package dev.quarry.model;

import dev.quarry.spi.ModelAccessor;
import java.util.List;

/**
 * Finds the accessor {@code quarry-processor} generated for a model ({@code Book__Accessor} beside
 * {@code Book}) and hands each field its index in it. A model without one, an accessor made for
 * another class, or a field it does not list keeps the reflective path.
 */
final class GeneratedAccessors {
    private GeneratedAccessors() {}

    /** The generated accessor of {@code type}, or {@code null}. */
    static ModelAccessor find(Class<?> type) {
        String name = type.getPackageName().isEmpty() ? type.getSimpleName() + "__Accessor"
                : type.getPackageName() + "." + type.getSimpleName() + "__Accessor";
        try {
            Class<?> c = Class.forName(name, true, type.getClassLoader());
            if (!ModelAccessor.class.isAssignableFrom(c)) {
                return null;
            }
            ModelAccessor accessor = (ModelAccessor) c.getConstructor().newInstance();
            return accessor.modelClass() == type ? accessor : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new dev.quarry.ImproperlyConfigured("The generated accessor " + name + " of " + type.getSimpleName()
                    + " cannot be created (" + e + "); compile the model and its accessor together");
        }
    }

    /** Points each field and many-to-many field of a model at its slot in {@code accessor}. */
    static void attach(ModelAccessor accessor, List<FieldMeta> fields, List<ManyToManyMeta> manyToMany) {
        if (accessor == null) {
            return;
        }
        List<String> names = accessor.fields();
        for (FieldMeta f : fields) {
            int i = names.indexOf(f.name());
            if (i >= 0) {
                f.useGenerated(accessor, i);
            }
        }
        for (ManyToManyMeta m : manyToMany) {
            int i = names.indexOf(m.name());
            if (i >= 0) {
                m.useGenerated(accessor, i);
            }
        }
    }
}
