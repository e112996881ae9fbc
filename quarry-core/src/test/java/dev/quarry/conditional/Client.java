package dev.quarry.conditional;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import java.time.LocalDate;

/** A client with an account type (R regular, G gold, P platinum); {@code orders} is the reverse side of {@link Purchase#client}. */
public class Client extends Model {
    public static final Manager<Client> objects = Manager.of(Client.class);

    @CharField(maxLength = 50)
    public String name;

    @CharField(maxLength = 1)
    public String accountType;

    @DateField
    public LocalDate registered;

    /**
     * The rows of {@code django_conditional.py}:
     * <pre>
     * jane  G 2015-03-01  orders 100 paid, 50 open
     * james R 2020-06-15  orders 20 paid
     * jack  P 2010-01-10  orders 200 paid, 300 paid, 10 open
     * jill  R 2021-02-02  no orders
     * </pre>
     */
    static java.util.List<Client> rows() {
        Client jane = make("jane", "G", LocalDate.of(2015, 3, 1));
        Client james = make("james", "R", LocalDate.of(2020, 6, 15));
        Client jack = make("jack", "P", LocalDate.of(2010, 1, 10));
        Client jill = make("jill", "R", LocalDate.of(2021, 2, 2));
        Purchase.make(jane, 100, "paid");
        Purchase.make(jane, 50, "open");
        Purchase.make(james, 20, "paid");
        Purchase.make(jack, 200, "paid");
        Purchase.make(jack, 300, "paid");
        Purchase.make(jack, 10, "open");
        return java.util.List.of(jane, james, jack, jill);
    }

    private static Client make(String name, String type, LocalDate registered) {
        return objects.create(c -> {
            c.name = name;
            c.accountType = type;
            c.registered = registered;
        });
    }
}
