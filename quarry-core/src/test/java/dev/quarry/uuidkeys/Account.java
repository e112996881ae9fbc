package dev.quarry.uuidkeys;

import dev.quarry.Manager;
import dev.quarry.ManyToMany;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ManyToManyField;
import dev.quarry.annotation.UUIDField;
import java.util.UUID;

/** A model whose primary key is a UUID, given by a Java initializer. */
public class Account extends Model {
    public static final Manager<Account> objects = Manager.of(Account.class);

    @UUIDField(primaryKey = true)
    public UUID key = UUID.randomUUID();

    @CharField(maxLength = 30)
    public String name;

    @ManyToManyField(relatedName = "accounts")
    public ManyToMany<Team> teams;

    static Account named(String name) {
        Account a = new Account();
        a.name = name;
        return a;
    }
}
