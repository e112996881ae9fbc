package dev.quarry.backend;

import dev.quarry.spi.Backend;
import dev.quarry.spi.Features;
import dev.quarry.spi.Operations;
import dev.quarry.spi.SchemaEditor;
import java.util.List;

/** What every backend holds: a vendor id, the JDBC URL prefixes it accepts, features, operations, DDL. */
public abstract class BaseBackend implements Backend {
    private final String vendor;
    private final List<String> urlPrefixes;
    private final Features features;
    private final Operations operations;
    private final SchemaEditor schemaEditor;

    /** A backend named {@code vendor} that accepts URLs starting with one of {@code urlPrefixes}. */
    protected BaseBackend(String vendor, List<String> urlPrefixes, Features features, Operations operations,
                          SchemaEditor schemaEditor) {
        this.vendor = vendor;
        this.urlPrefixes = List.copyOf(urlPrefixes);
        this.features = features;
        this.operations = operations;
        this.schemaEditor = schemaEditor;
    }

    @Override
    public String vendor() {
        return vendor;
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return urlPrefixes.stream().anyMatch(jdbcUrl::startsWith);
    }

    @Override
    public Features features() {
        return features;
    }

    @Override
    public Operations operations() {
        return operations;
    }

    @Override
    public SchemaEditor schemaEditor() {
        return schemaEditor;
    }
}
