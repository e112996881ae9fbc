package dev.quarry.windows;

import dev.quarry.Manager;
import dev.quarry.Model;
import dev.quarry.Ref;
import dev.quarry.annotation.CharField;
import dev.quarry.annotation.DateField;
import dev.quarry.annotation.ForeignKey;
import dev.quarry.annotation.IntegerField;
import dev.quarry.annotation.OnDelete;
import java.time.LocalDate;
import java.util.List;

/** An employee of a department, with a salary (ties on purpose) and a hiring date (all different). */
public class Employee extends Model {
    public static final Manager<Employee> objects = Manager.of(Employee.class);

    @CharField(maxLength = 50)
    public String name;

    @ForeignKey(onDelete = OnDelete.CASCADE, relatedName = "employees")
    public Ref<Department> department;

    @IntegerField
    public int salary;

    @DateField
    public LocalDate hired;

    @IntegerField(nullable = true)
    public Integer bonus;

    /**
     * The rows of {@code django_windows.py}, created in this order (ids 1 to 9):
     * <pre>
     * eng    ann 100 2019-01-10 10 | bob 100 2020-03-01 - | cat 80 2018-05-05 5 | dan 60 2021-07-07 -
     * ops    eve  70 2017-02-02  7 | fay  90 2019-09-09 -
     * sales  gus  50 2020-01-01  3 | hal  50 2016-06-06 - | ivy 40 2022-02-02 1
     * </pre>
     * (name, salary, hiring date, bonus or none)
     * and a department {@code hr} with nobody in it.
     */
    static List<Employee> rows() {
        Department eng = Department.make("eng");
        Department ops = Department.make("ops");
        Department sales = Department.make("sales");
        Department.make("hr");
        return List.of(make("ann", eng, 100, "2019-01-10", 10), make("bob", eng, 100, "2020-03-01", null),
                make("cat", eng, 80, "2018-05-05", 5), make("dan", eng, 60, "2021-07-07", null),
                make("eve", ops, 70, "2017-02-02", 7), make("fay", ops, 90, "2019-09-09", null),
                make("gus", sales, 50, "2020-01-01", 3), make("hal", sales, 50, "2016-06-06", null),
                make("ivy", sales, 40, "2022-02-02", 1));
    }

    private static Employee make(String name, Department department, int salary, String hired, Integer bonus) {
        return objects.create(e -> {
            e.name = name;
            e.department.set(department);
            e.salary = salary;
            e.hired = LocalDate.parse(hired);
            e.bonus = bonus;
        });
    }
}
