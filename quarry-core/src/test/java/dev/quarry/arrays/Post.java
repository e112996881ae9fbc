package dev.quarry.arrays;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.ArrayField;
import dev.quarry.annotation.CharField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** A model with array fields of several base kinds (PostgreSQL only). */
public class Post extends Model {
    public static final Manager<Post> objects = Manager.of(Post.class);

    /** Django's {@code default=list}: a fresh empty list per instance. */
    public static final class EmptyList implements Supplier<List<String>> {
        /** Needed by the annotation. */
        public EmptyList() {}

        @Override
        public List<String> get() {
            return new ArrayList<>();
        }
    }

    @CharField(maxLength = 40)
    public String title;

    @ArrayField(maxLength = 16, blank = true, defaultSupplier = EmptyList.class)
    public List<String> tags;

    @ArrayField(nullable = true)
    public List<Integer> scores;

    @ArrayField(nullable = true, size = 3)
    public List<LocalDate> dates;

    @ArrayField(nullable = true)
    public List<BigDecimal> prices;

    @ArrayField(nullable = true)
    public List<UUID> refs;

    static Post of(String title, List<String> tags, List<Integer> scores) {
        Post p = new Post();
        p.title = title;
        p.tags = tags == null ? null : new ArrayList<>(tags);
        p.scores = scores;
        p.save();
        return p;
    }
}
