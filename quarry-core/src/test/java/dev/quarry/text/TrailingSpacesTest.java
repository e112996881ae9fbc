package dev.quarry.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.QuarryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Text compares exactly, trailing spaces included, on every backend (ADR 3): as PostgreSQL and SQLite
 * do, and as MariaDB does on tables Quarry creates in the NO PAD binary collation
 * {@code utf8mb4_nopad_bin}. Under {@code utf8mb4_bin} (PAD SPACE) {@code 'x'} and {@code 'x  '}
 * compared equal and collided on a unique column.
 */
@QuarryTest(models = {Tag.class})
class TrailingSpacesTest {

    @Test
    void aUniqueColumnHoldsValuesThatDifferOnlyInTrailingSpaces() {
        Tag.of("x", "");
        Tag.of("x  ", "");
        assertThat(Tag.objects.count()).isEqualTo(2);
    }

    @Test
    void equalityAndInCountTrailingSpaces() {
        Tag.of("x", "a note");
        Tag.of("x  ", "a note  ");
        assertThat(Tag.objects.filter("name", "x").valuesList("note", String.class).list()).containsExactly("a note");
        assertThat(Tag.objects.filter("name", "x  ").valuesList("note", String.class).list()).containsExactly("a note  ");
        assertThat(Tag.objects.filter("name", "x ").count()).isZero();
        assertThat(Tag.objects.filter("note", "a note").valuesList("name", String.class).list()).containsExactly("x");
        assertThat(Tag.objects.filter("name__in", List.of("x ", "x  ")).valuesList("note", String.class).list())
                .containsExactly("a note  ");
        assertThat(Tag.objects.exclude("note", "a note  ").valuesList("name", String.class).list()).containsExactly("x");
        assertThat(Tag.objects.filter("name__gt", "x").valuesList("name", String.class).list()).containsExactly("x  ");
    }

    @Test
    void textSortsAndGroupsByCodePoint() {
        for (String name : List.of("x!", "x ", "a", "x", "B")) {
            Tag.of(name, name);
        }
        assertThat(Tag.objects.orderBy("name").valuesList("name", String.class).list())
                .containsExactly("B", "a", "x", "x ", "x!");
        assertThat(Tag.objects.filter("note__startswith", "x").valuesList("note", String.class).distinct().count()).isEqualTo(3);
    }
}
