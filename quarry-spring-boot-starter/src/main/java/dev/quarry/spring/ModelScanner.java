package dev.quarry.spring;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/** Finds the concrete {@link Model} subclasses in packages (and their subpackages) on the class path. */
final class ModelScanner {
    private ModelScanner() {}

    /** The models in {@code packages}, sorted by name; none found is an error naming the packages. */
    static List<Class<? extends Model>> scan(Collection<String> packages, ResourceLoader loader) {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.setResourceLoader(loader);
        scanner.addIncludeFilter(new AssignableTypeFilter(Model.class));
        List<Class<? extends Model>> out = new ArrayList<>();
        ClassLoader classLoader = loader.getClassLoader() != null ? loader.getClassLoader() : ClassUtils.getDefaultClassLoader();
        for (String pkg : packages) {
            for (BeanDefinition bd : scanner.findCandidateComponents(pkg)) {
                Class<?> type = ClassUtils.resolveClassName(bd.getBeanClassName(), classLoader);
                Class<? extends Model> model = type.asSubclass(Model.class);
                if (!out.contains(model)) {
                    out.add(model);
                }
            }
        }
        if (out.isEmpty()) {
            throw new ImproperlyConfigured("Quarry found no Model subclasses in the packages " + packages
                    + ": set quarry.model-packages to the packages of your models (subpackages are scanned too)");
        }
        out.sort((a, b) -> a.getName().compareTo(b.getName()));
        return out;
    }
}
