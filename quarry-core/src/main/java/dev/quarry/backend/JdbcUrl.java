package dev.quarry.backend;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a server database's JDBC URL ({@code jdbc:postgresql://host:5432/library?currentSchema=x}),
 * for building the command line of its client ({@code quarry dbshell}). A value.
 *
 * @param host the first host, or {@code null} when the URL names none (the driver's default)
 * @param port the port, or {@code null}
 * @param database the database, or {@code null}
 * @param parameters the query parameters, decoded, in order
 */
public record JdbcUrl(String host, String port, String database, Map<String, String> parameters) {
    /** Copies the parameters. */
    public JdbcUrl {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses {@code jdbc:<driver>://[host[:port][,more hosts]][/database][?k=v&...]}; another form is refused. */
    public static JdbcUrl parse(String url) {
        int scheme = url.indexOf("://");
        if (!url.startsWith("jdbc:") || scheme < 0) {
            throw new IllegalArgumentException("Not a JDBC URL of the form jdbc:<driver>://host:port/database: " + url);
        }
        String rest = url.substring(scheme + 3);
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (!pair.isEmpty()) {
                    int eq = pair.indexOf('=');
                    params.put(decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1)));
                }
            }
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String db = slash < 0 || slash == rest.length() - 1 ? null : decode(rest.substring(slash + 1));
        String first = hosts.split(",")[0];
        if (first.startsWith("address=")) {
            throw new IllegalArgumentException("The address=(...) host form is not supported here: " + url);
        }
        String host = first;
        String port = null;
        int colon = first.lastIndexOf(':');
        if (first.startsWith("[")) {                    // [::1]:5432
            int close = first.indexOf(']');
            host = first.substring(1, close);
            port = close + 1 < first.length() && first.charAt(close + 1) == ':' ? first.substring(close + 2) : null;
        } else if (colon >= 0) {
            host = first.substring(0, colon);
            port = first.substring(colon + 1);
        }
        return new JdbcUrl(host.isEmpty() ? null : host, port == null || port.isEmpty() ? null : port, db, params);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The first of the values that is not {@code null} or empty, or {@code null}. */
    public static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
