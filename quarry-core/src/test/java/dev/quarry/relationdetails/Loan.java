package dev.quarry.relationdetails;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.Meta;
import dev.quarry.annotation.OnDelete;

/** A foreign key without its database constraint: a loan may point at a novel that has no row. */
public class Loan extends Model {
    public static final Manager<Loan> objects = Manager.of(Loan.class);

    @ForeignKey(onDelete = OnDelete.DO_NOTHING, dbConstraint = false, relatedName = "loans")
    public Ref<Novel> novel;

    @CharField(maxLength = 50)
    public String reader;
}
