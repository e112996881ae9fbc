package dev.quarry.test;

import dev.quarry.Quarry;
import java.lang.reflect.AnnotatedElement;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeClassTemplateInvocationCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link QuarryTest}: one invocation of the class per active backend, each
 * on a private database with the models' tables, each test in a rolled-back transaction. The only
 * class using JUnit's (experimental) class templates.
 */
public final class QuarryTestExtension implements ClassTemplateInvocationContextProvider {

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(QuarryTest.class);
    }

    @Override
    public Stream<? extends ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
        Class<? extends dev.quarry.Model>[] models = context.getRequiredTestClass().getAnnotation(QuarryTest.class).models();
        return TestDatabases.active().stream().map(target -> new ClassTemplateInvocationContext() {
            @Override
            public String getDisplayName(int invocationIndex) {
                return "[" + target.label() + "]";
            }

            @Override
            public List<Extension> getAdditionalExtensions() {
                return List.of(new OnBackend(target, models));
            }
        });
    }

    @Override
    public boolean mayReturnZeroClassTemplateInvocationContexts(ExtensionContext context) {
        return false;
    }

    /** The life cycle of one test class on one backend. */
    static final class OnBackend implements BeforeClassTemplateInvocationCallback, AfterClassTemplateInvocationCallback,
            BeforeEachCallback, AfterEachCallback, ParameterResolver, ExecutionCondition {
        private final TestDatabases.Target target;
        private final Class<? extends dev.quarry.Model>[] models;
        private TestDatabases.Isolated database;
        private Quarry quarry;
        private Quarry.Rollback rollback;

        OnBackend(TestDatabases.Target target, Class<? extends dev.quarry.Model>[] models) {
            this.target = target;
            this.models = models;
        }

        @Override
        public void beforeClassTemplateInvocation(ExtensionContext context) {
            if (context.getTestClass().map(c -> gate(c) != null).orElse(false)) {
                // A class-level @RequiresFeature/@SkipIfFeature/@OnlyOn that rules this backend out: its models
                // may not even build here (an @ArrayField on SQLite), and every test is disabled anyway.
                return;
            }
            database = target.create();
            quarry = Quarry.builder().url(database.url()).user(target.user()).password(target.password())
                    .models(models).build().install();
            quarry.createTables();
            loadFixtures(context);
        }

        /** Loads the class's {@link Fixtures}, committed, so every test sees them. */
        private void loadFixtures(ExtensionContext context) {
            Class<?> type = context.getRequiredTestClass();
            Fixtures fixtures = type.getAnnotation(Fixtures.class);
            if (fixtures == null) {
                return;
            }
            java.util.List<String> names = new java.util.ArrayList<>();
            for (String name : fixtures.value()) {
                names.add(resolve(type, name));
            }
            dev.quarry.fixtures.Fixtures.loadResources(quarry, type.getClassLoader(), names,
                    dev.quarry.fixtures.LoadOptions.defaults());
        }

        /** A name from the class path's root, or else from the test class's package. */
        private static String resolve(Class<?> type, String name) {
            if (name.startsWith("/") || type.getClassLoader().getResource(name) != null) {
                return name;
            }
            String local = type.getPackageName().replace('.', '/') + "/" + name;
            return type.getClassLoader().getResource(local) != null ? local : name;
        }

        @Override
        public void afterClassTemplateInvocation(ExtensionContext context) {
            try {
                if (quarry != null) {
                    quarry.close();
                }
            } finally {
                if (database != null) {
                    database.drop();
                }
            }
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            quarry.install();
            if (!committing(context)) {
                rollback = quarry.testTransaction();
            }
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (rollback != null) {
                Quarry.Rollback r = rollback;
                rollback = null;
                r.close();
            }
            if (committing(context)) {
                // Commits were real: start the next test on empty tables.
                quarry.install();
                quarry.dropTables();
                quarry.createTables();
                loadFixtures(context);
            }
        }

        private static boolean committing(ExtensionContext context) {
            return context.getTestMethod().map(m -> m.isAnnotationPresent(Committing.class)).orElse(false);
        }

        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            Class<?> type = p.getParameter().getType();
            return type == Quarry.class || type == Queries.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == Quarry.class ? quarry : new Queries(quarry);
        }

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            for (AnnotatedElement element : elements(context)) {
                String reason = gate(element);
                if (reason != null) {
                    return ConditionEvaluationResult.disabled(reason);
                }
            }
            return ConditionEvaluationResult.enabled("runs on " + target.label());
        }

        /** Why {@code element}'s gating annotations rule this backend out, or {@code null} when they do not. */
        private String gate(AnnotatedElement element) {
            RequiresFeature requires = element.getAnnotation(RequiresFeature.class);
            if (requires != null) {
                for (var f : requires.value()) {
                    if (!features().has(f)) {
                        return target.label() + " lacks " + f;
                    }
                }
            }
            SkipIfFeature skip = element.getAnnotation(SkipIfFeature.class);
            if (skip != null) {
                for (var f : skip.value()) {
                    if (features().has(f)) {
                        return target.label() + " has " + f;
                    }
                }
            }
            OnlyOn only = element.getAnnotation(OnlyOn.class);
            if (only != null && !List.of(only.value()).contains(target.vendor())
                    && !List.of(only.value()).contains(target.label())) {
                return "only on " + List.of(only.value());
            }
            return null;
        }

        private dev.quarry.spi.Features features() {
            return dev.quarry.backend.Backends.forUrl(target.vendor().equals("sqlite") ? "jdbc:sqlite:" :
                    target.serverUrl()).features();
        }

        private static List<AnnotatedElement> elements(ExtensionContext context) {
            Optional<Class<?>> type = context.getTestClass();
            return Stream.concat(type.stream(), context.getTestMethod().stream()).map(e -> (AnnotatedElement) e).toList();
        }
    }
}
