package dev.quarry.binary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.InvalidValueError;
import dev.quarry.ValidationError;
import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code byte[]} fields: an empty array stays an empty array (not NULL), every byte value round-trips,
 * {@code exact}/{@code in}/{@code isnull} filter, ordering is by unsigned bytes on every backend, the text
 * lookups are refused before SQL, and defaults are fresh arrays per instance.
 */
@QuarryTest(models = {Blob.class})
class BinaryFieldTest {
    private static final byte[] EVERY_BYTE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            EVERY_BYTE[i] = (byte) i;
        }
    }

    private static Blob saved(String name, byte[] data) {
        Blob b = Blob.of(name, data);
        b.save();
        return b;
    }

    @Test
    void emptyNullEveryByteAndLargeArraysRoundTrip(Queries queries) {
        byte[] large = new byte[200_000];
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31);
        }
        Blob empty = saved("empty", new byte[0]);
        Blob none = saved("none", null);
        Blob every = saved("every", EVERY_BYTE);
        Blob big = saved("big", large);
        queries.assertNumQueries(4, () -> {
            assertThat(Blob.objects.get("pk", empty.id).data).isEmpty();
            assertThat(Blob.objects.get("pk", none.id).data).isNull();
            assertThat(Blob.objects.get("pk", every.id).data).isEqualTo(EVERY_BYTE);
            assertThat(Blob.objects.get("pk", big.id).data).isEqualTo(large);
        });
    }

    @Test
    void exactInAndIsnullFilterByBytes(Queries queries) {
        saved("empty", new byte[0]);
        saved("none", null);
        saved("ab", new byte[] {0x0a, 0x0b});
        saved("ff", new byte[] {(byte) 0xff});
        queries.assertNumQueries(5, () -> {
            assertThat(Blob.objects.get("data", new byte[] {0x0a, 0x0b}).name).isEqualTo("ab");
            assertThat(Blob.objects.get("data", new byte[0]).name).isEqualTo("empty");
            assertThat(Blob.objects.filter("data__in", List.of(new byte[] {(byte) 0xff}, new byte[] {1})).count())
                    .isEqualTo(1);
            assertThat(Blob.objects.filter("data__isnull", true).valuesList("name", String.class).list())
                    .containsExactly("none");
            assertThat(Blob.objects.exclude("data", new byte[0]).filter("data__isnull", false).count()).isEqualTo(2);
        });
        queries.assertNumQueries(0, () -> assertThatThrownBy(() -> Blob.objects.filter("data__contains", new byte[] {1}))
                .isInstanceOf(InvalidValueError.class).hasMessageContaining("bytes are compared with exact, in or isnull"));
    }

    @Test
    void orderingIsByUnsignedBytes(Queries queries) {
        saved("ff", new byte[] {(byte) 0xff});
        saved("01-00", new byte[] {1, 0});
        saved("02", new byte[] {2});
        saved("01", new byte[] {1});
        saved("80", new byte[] {(byte) 0x80});
        List<String> order = queries.assertNumQueries(1, () -> Blob.objects.orderBy("data")
                .valuesList("name", String.class).list());
        assertThat(order).containsExactly("01", "01-00", "02", "80", "ff");
        assertThat(Blob.objects.filter("name", "80").valuesList("data", byte[].class).list().get(0))
                .isEqualTo(new byte[] {(byte) 0x80});
    }

    @Test
    void defaultsAreFreshArraysAndFullCleanChecksTheLength(Queries queries) {
        Blob a = new Blob();
        Blob b = new Blob();
        assertThat(a.magic).isEqualTo(new byte[] {(byte) 0xca, (byte) 0xfe, 1});
        assertThat(a.small).isEmpty();
        a.magic[0] = 0;
        assertThat(b.magic[0]).isEqualTo((byte) 0xca);
        b.small = new byte[] {1, 2, 3, 4, 5};
        b.magic = new byte[0];
        queries.assertNumQueries(0, () -> assertThatThrownBy(b::fullClean).isInstanceOfSatisfying(ValidationError.class,
                e -> assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "small", List.of("Ensure this value has at most 4 bytes (it has 5)."),
                        "magic", List.of("This field cannot be blank.")))));
        b.small = new byte[0];
        b.magic = new byte[] {1};
        b.fullClean();
        Blob made = Blob.objects.create(Map.of("name", "hex", "data", "00ff"));
        assertThat(Blob.objects.get("pk", made.id).data).isEqualTo(new byte[] {0, (byte) 0xff});
    }
}
