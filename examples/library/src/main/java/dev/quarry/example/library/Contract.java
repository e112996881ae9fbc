package dev.quarry.example.library;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;
import dev.quarry.annotation.PositiveSmallIntegerField;

/** The link between a publisher and a book, with the author's royalty in percent ({@code contract__royalty_pct}). */
public class Contract extends Model {
    public static final Manager<Contract> objects = Manager.of(Contract.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Publisher> publisher;

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Book> book;

    @PositiveSmallIntegerField
    public int royaltyPct;
}
