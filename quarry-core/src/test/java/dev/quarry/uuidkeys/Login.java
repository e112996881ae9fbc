package dev.quarry.uuidkeys;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.OnDelete;

/** Refers to an Account by its UUID key. */
public class Login extends Model {
    public static final Manager<Login> objects = Manager.of(Login.class);

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "logins")
    public Ref<Account> account;

    @CharField(maxLength = 30)
    public String device;
}
