package dev.quarry.through;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/**
 * The link between a book and a publisher, with a royalty: two keys to Publisher ({@code publisher},
 * {@code agent}), so Book.publishers names its keys with {@code throughFields}.
 */
public class Contract extends Model {
    public static final Manager<Contract> objects = Manager.of(Contract.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Publisher> publisher;

    @ForeignKey(onDelete = OnDelete.SET_NULL, nullable = true, relatedName = "+")
    public Ref<Publisher> agent;

    @IntegerField(defaultValue = "10")
    public int royaltyPct;
}
