package dev.quarry.uuidkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.test.QuarryTest;
import dev.quarry.test.Queries;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A UUID as primary key: saved, got by key (as a UUID or its text), referred to by a foreign key and a
 * many-to-many relation, followed both ways with select/prefetch, and deleted with its cascade.
 */
@QuarryTest(models = {Account.class, Login.class, Team.class})
class UuidKeyTest {

    private static Login login(Account a, String device) {
        Login l = new Login();
        l.account.set(a);
        l.device = device;
        l.save();
        return l;
    }

    @Test
    void aUuidKeyIsSavedAndGotAsUuidOrText(Queries queries) {
        Account ann = Account.named("ann");
        UUID key = ann.key;
        // A key that is set before the first save: UPDATE (no row), then INSERT, as Django without a default.
        queries.assertNumQueries(2, ann::save);
        assertThat(ann.key).isEqualTo(key);
        queries.assertNumQueries(2, () -> {
            assertThat(Account.objects.get("pk", key).name).isEqualTo("ann");
            assertThat(Account.objects.get("key", key.toString()).pk()).isEqualTo(key);
        });
        ann.name = "anne";
        queries.assertNumQueries(1, ann::save);
        assertThat(Account.objects.get("pk", key).name).isEqualTo("anne");
    }

    @Test
    void relationsFollowAUuidKeyBothWays(Queries queries) {
        Account ann = Account.named("ann");
        ann.save();
        Account bob = Account.named("bob");
        bob.save();
        login(ann, "phone");
        login(ann, "laptop");
        login(bob, "tablet");
        Team red = new Team();
        red.name = "red";
        red.save();
        ann.teams.add(red);
        bob.teams.add(red);
        queries.assertNumQueries(5, () -> {
            assertThat(Login.objects.filter("account", ann).count()).isEqualTo(2);
            assertThat(Login.objects.filter("account__name", "bob").get().account.id()).isEqualTo(bob.key);
            List<Login> logins = Login.objects.selectRelated("account").orderBy("device").list();
            assertThat(logins.stream().map(l -> l.account.get().name).toList()).containsExactly("ann", "ann", "bob");
            List<Account> accounts = Account.objects.prefetchRelated("logins").orderBy("name").list();
            assertThat(accounts.get(0).related("logins", Login.class).all().count()).isEqualTo(2);
        });
        queries.assertNumQueries(2, () -> {
            assertThat(red.related("accounts", Account.class).all().orderBy("name").valuesList("name", String.class)
                    .list()).containsExactly("ann", "bob");
            assertThat(Account.objects.filter("logins__device", "tablet").get().key).isEqualTo(bob.key);
        });
        Map<String, Integer> deleted = ann.delete();
        assertThat(deleted).containsEntry("Account", 1).containsEntry("Login", 2);
        assertThat(Login.objects.all().count()).isEqualTo(1);
    }
}
