package dev.quarry.converters;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.annotation.BigIntegerField;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.Convert;
import dev.quarry.annotation.DecimalField;
import dev.quarry.annotation.Meta;

/** Fields of the application's own value types. */
@Meta(dbTable = "orders")
public class Order extends Model {
    public static final Manager<Order> objects = Manager.of(Order.class);

    @CharField(maxLength = 20)
    public String name = "o";

    @DecimalField(maxDigits = 8, decimalPlaces = 2, defaultValue = "0.00")
    @Convert(MoneyConverter.class)
    public Money total;

    @BigIntegerField(nullable = true)
    @Convert(CustomerIdConverter.class)
    public CustomerId customer;

    @CharField(maxLength = 10, nullable = true)
    @Convert(SkuConverter.class)
    public Sku sku;

    static Order of(String name, String total, long customer, String sku) {
        Order o = new Order();
        o.name = name;
        o.total = Money.of(total);
        o.customer = new CustomerId(customer);
        o.sku = sku == null ? null : new Sku(sku);
        return o;
    }
}
