package dev.quarry.errors;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.TextField;
import java.util.Map;

/** An account with a unique handle of any length, a short code and a balance, for the database-error tests. */
public class Account extends Model {
    public static final Manager<Account> objects = Manager.of(Account.class);

    @TextField(unique = true)
    public String handle;

    @CharField(maxLength = 10, nullable = true)
    public String code;

    @IntegerField
    public int balance;

    public static Account of(String handle) {
        return objects.create(Map.of("handle", handle));
    }
}
