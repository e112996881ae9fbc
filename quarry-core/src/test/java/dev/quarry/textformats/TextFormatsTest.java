package dev.quarry.textformats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.ImproperlyConfigured;
import dev.quarry.Model;
import dev.quarry.Quarry;
import dev.quarry.ValidationError;
import dev.quarry.annotation.GenericIPAddressField;
import dev.quarry.annotation.IpProtocol;
import dev.quarry.db.Database;
import dev.quarry.load.Session;
import dev.quarry.model.ModelMeta;
import dev.quarry.sql.CompiledSql;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * EmailField, URLField, SlugField and GenericIPAddressField: {@code fullClean()} gives Django 3.2's verdict
 * on every sample of {@code samples.txt} (written by {@code text_formats_django.py} beside this test), on
 * every backend and without SQL; IPv6 addresses are stored and compared in Django's canonical form.
 */
@QuarryTest(models = {Contact.class})
class TextFormatsTest {
    private static final Map<String, String> FIELD = Map.of("EMAIL", "email", "URL", "url", "SLUG", "slug",
            "UNICODE_SLUG", "unicode_slug", "IP", "ip", "IPV4", "ipv4", "IPV6", "ipv6");

    private record Sample(String format, String value, boolean valid) {}

    private static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                TextFormatsTest.class.getResourceAsStream("samples.txt"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    String[] p = line.split("\t");
                    out.add(new Sample(p[0], p[1], p[2].equals("valid")));
                }
            }
        }
        return out;
    }

    @Test
    void fullCleanGivesDjangosVerdictOnEverySample(Quarry quarry, Queries queries) throws IOException {
        List<Sample> samples = samples();
        assertThat(samples).hasSizeGreaterThan(60);
        List<String> disagreements = new ArrayList<>();
        queries.assertNumQueries(0, () -> {
            for (Sample s : samples) {
                Contact c = new Contact();
                String field = FIELD.get(s.format());
                quarry.model(Contact.class).set(c, field, s.value());
                String javaName = quarry.model(Contact.class).field(field).name();
                List<String> errors = errors(c).getOrDefault(javaName, List.of());
                if (errors.isEmpty() != s.valid()) {
                    disagreements.add(s + " -> " + errors);
                }
            }
        });
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theMessagesSayWhatWasExpected() {
        Contact c = new Contact();
        c.email = "ann@";
        c.url = "example.com";
        c.slug = "a b";
        c.ip = "1.2.3";
        c.ipv4 = "::1";
        c.ipv6 = "10.0.0.1";
        assertThat(errors(c)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "email", List.of("Enter a valid email address."),
                "url", List.of("Enter a valid URL."),
                "slug", List.of("Enter a valid slug: letters, numbers, underscores or hyphens."),
                "ip", List.of("Enter a valid IPv4 or IPv6 address."),
                "ipv4", List.of("Enter a valid IPv4 address."),
                "ipv6", List.of("Enter a valid IPv6 address.")));
    }

    /** The column's content as the database holds it. */
    private static String stored(Quarry quarry, String column, Object id) {
        Database db = Session.of(quarry).database();
        var ops = db.backend().operations();
        return db.query(CompiledSql.of("SELECT " + ops.quoteName(column) + " FROM " + ops.quoteName("contact") + " WHERE "
                + ops.quoteName("id") + " = ?", List.of(id)), rs -> rs.next() ? rs.getString(1) : null);
    }

    @Test
    void ipv6AddressesAreStoredAndComparedInCanonicalForm(Quarry quarry, Queries queries) {
        Contact c = new Contact();
        c.ip = "2001:0DB8:0000:0000:0001:0000:0000:0001";
        c.ipv6 = "0:0:0:0:0:0:0:1";
        c.unpacked = "::FFFF:10.0.0.1";
        c.ipv4 = "10.0.0.1";
        queries.assertNumQueries(1, c::save);
        // The canonical forms Django's clean_ipv6_address gives (see text_formats_django.py).
        assertThat(stored(quarry, "ip", c.id)).isEqualTo("2001:db8::1:0:0:1");
        assertThat(stored(quarry, "ipv6", c.id)).isEqualTo("::1");
        assertThat(stored(quarry, "unpacked", c.id)).isEqualTo("10.0.0.1");
        assertThat(stored(quarry, "ipv4", c.id)).isEqualTo("10.0.0.1");
        queries.assertNumQueries(4, () -> {
            assertThat(Contact.objects.filter("ip", "2001:db8:0:0:1::1").count()).isEqualTo(1);
            assertThat(Contact.objects.filter("ipv6__in", List.of("::0001", "::2")).count()).isEqualTo(1);
            assertThat(Contact.objects.filter("unpacked", "::ffff:10.0.0.1").count()).isEqualTo(1);
            assertThat(Contact.objects.get("pk", c.id).ip).isEqualTo("2001:db8::1:0:0:1");
        });
        // Text that is no address is stored as written: fullClean() reports it, save() does not refuse it (as Django).
        Contact odd = new Contact();
        odd.ip = "not:an:address";
        odd.save();
        assertThat(stored(quarry, "ip", odd.id)).isEqualTo("not:an:address");
    }

    /** unpackIpv4 with an IPv4-only protocol is meaningless. */
    public static class BadUnpack extends Model {
        @GenericIPAddressField(protocol = IpProtocol.IPV4, unpackIpv4 = true)
        public String ip;
    }

    @Test
    void unpackingNeedsBothProtocols() {
        assertThatThrownBy(() -> ModelMeta.of(BadUnpack.class)).isInstanceOf(ImproperlyConfigured.class)
                .hasMessageContaining("BadUnpack.ip: @GenericIPAddressField(unpackIpv4 = true) needs protocol = BOTH");
    }

    private static Map<String, List<String>> errors(Contact c) {
        try {
            c.fullClean();
            return Map.of();
        } catch (ValidationError e) {
            return e.fieldErrors();
        }
    }
}
