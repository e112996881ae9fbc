package dev.quarry.backend;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.spi.Backend;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the backend for a JDBC URL among those registered with {@code ServiceLoader}. */
public final class Backends {
    private static final List<Backend> ALL = load();

    private Backends() {}

    private static List<Backend> load() {
        List<Backend> list = new ArrayList<>();
        ServiceLoader.load(Backend.class, Backends.class.getClassLoader()).forEach(list::add);
        return List.copyOf(list);
    }

    /** The first registered backend that accepts this URL. */
    public static Backend forUrl(String jdbcUrl) {
        for (Backend b : ALL) {
            if (b.accepts(jdbcUrl)) {
                return b;
            }
        }
        throw new ImproperlyConfigured("No Quarry backend accepts the JDBC URL '" + jdbcUrl + "'. Known backends: "
                + ALL.stream().map(Backend::vendor).toList());
    }

    /** The registered backend of this vendor id ({@code sqlite}, {@code postgresql}, {@code mysql}; {@code mariadb} is {@code mysql}). */
    public static Backend forVendor(String vendor) {
        String v = "mariadb".equals(vendor) ? "mysql" : vendor;
        for (Backend b : ALL) {
            if (b.vendor().equals(v)) {
                return b;
            }
        }
        throw new ImproperlyConfigured("No Quarry backend has the vendor id '" + vendor + "'. Known backends: "
                + ALL.stream().map(Backend::vendor).toList());
    }
}
