package dev.quarry.errors;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;

/** A transfer out of an account (a required foreign key). */
public class Transfer extends Model {
    public static final Manager<Transfer> objects = Manager.of(Transfer.class);

    @ForeignKey(onDelete = OnDelete.CASCADE)
    public Ref<Account> account;

    @IntegerField
    public int amount;
}
