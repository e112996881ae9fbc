package dev.quarry;

import dev.quarry.model.FieldMeta;
import dev.quarry.model.ManyToManyMeta;
import dev.quarry.model.ModelMeta;
import dev.quarry.spi.ModelAccessor;
import dev.quarry.spi.RelationHolders;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Model}'s constructor does for each new instance, planned once per class: the relation
 * holders ({@code Ref} and {@code ManyToMany}) of the model and its multi-table parents, then their
 * declared defaults. When the model's generated accessor fills exactly the model's relation fields,
 * one call to it sets them all; otherwise each field is set through its metadata, with the same result.
 */
final class NewInstances implements RelationHolders {
    private static final NewInstances HOLDERS = new NewInstances();

    /** The plan of a model class: the generated accessor that fills its holders (or {@code null}) and its metadata chain. */
    private record Plan(ModelAccessor accessor, ModelMeta[] chain) {}

    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            List<ModelMeta> chain = new ArrayList<>();
            List<String> relations = new ArrayList<>();
            for (ModelMeta meta = ModelMeta.of(type).concrete(); meta != null; meta = meta.parent()) {
                chain.add(meta);
                meta.foreignKeys().forEach(f -> relations.add(f.name()));
                meta.manyToMany().forEach(m -> relations.add(m.name()));
            }
            ModelAccessor accessor = ModelMeta.of(type).generatedAccessor();
            List<String> filled = new ArrayList<>(accessor == null ? List.of() : accessor.relationFields());
            relations.sort(null);
            filled.sort(null);
            boolean generated = accessor != null && filled.equals(relations);
            return new Plan(generated ? accessor : null, chain.toArray(new ModelMeta[0]));
        }
    };

    private NewInstances() {}

    /** Sets up a new instance's relation holders and defaults, the model's and its parents'. */
    static void setUp(Model instance) {
        Plan plan = PLANS.get(instance.getClass());
        ModelMeta[] chain = plan.chain;
        if (plan.accessor != null) {
            plan.accessor.newRelations(instance, HOLDERS);
            for (ModelMeta meta : chain) {
                meta.applyDefaults(instance);
            }
            return;
        }
        // A multi-table child is its parents' instance too: their relations and defaults first.
        for (ModelMeta meta : chain) {
            for (FieldMeta fk : meta.foreignKeys()) {
                if (fk.get(instance) == null) {
                    fk.set(instance, new Ref<>(instance));
                }
            }
            for (ManyToManyMeta m : meta.manyToMany()) {
                m.set(instance, new ManyToMany<>(instance));
            }
            meta.applyDefaults(instance);
        }
    }

    @Override
    public Object ref(Object owner) {
        return new Ref<>((Model) owner);
    }

    @Override
    public Object manyToMany(Object owner) {
        return new ManyToMany<>((Model) owner);
    }
}
