# What Django 3.2 gives for window functions (Window with RowNumber, Rank, DenseRank, PercentRank,
# CumeDist, Ntile, Lag, Lead, FirstValue, LastValue, NthValue and aggregates) on the rows of
# WindowFunctionsTest (dev.quarry.windows). Each output line is one fact the Java test asserts; run on
# SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/windows/django_windows.py
#
# Needs Debian's python3-django (3.2). Django 3.2 refuses a filter on a window annotation
# (NotSupportedError); Django 4.2 wraps the query in a subquery and filters outside it, which Quarry
# does too: the script prints 3.2's refusal, then the rows 4.2 gives, computed here from the
# unfiltered annotation (the filter applied to the annotated rows, in their order).
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'hrapp')

from django.db import NotSupportedError, connection, models  # noqa: E402
from django.db.models import Avg, Count, F, Q, Max, Min, RowRange, Sum, Value, ValueRange, Window  # noqa: E402
from django.db.models.functions import (  # noqa: E402
    CumeDist, DenseRank, FirstValue, Lag, LastValue, Lead, NthValue, Ntile, PercentRank, Rank, RowNumber)


class Department(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'hrapp'


class Employee(models.Model):
    name = models.CharField(max_length=50)
    department = models.ForeignKey(Department, on_delete=models.CASCADE, related_name='employees')
    salary = models.IntegerField()
    hired = models.DateField()
    bonus = models.IntegerField(null=True)

    class Meta:
        app_label = 'hrapp'


with connection.schema_editor() as s:
    s.create_model(Department)
    s.create_model(Employee)

eng, ops, sales = (Department.objects.create(name=n) for n in ('eng', 'ops', 'sales'))
Department.objects.create(name='hr')
for name, dept, salary, hired, bonus in (
        ('ann', eng, 100, date(2019, 1, 10), 10), ('bob', eng, 100, date(2020, 3, 1), None),
        ('cat', eng, 80, date(2018, 5, 5), 5), ('dan', eng, 60, date(2021, 7, 7), None),
        ('eve', ops, 70, date(2017, 2, 2), 7), ('fay', ops, 90, date(2019, 9, 9), None),
        ('gus', sales, 50, date(2020, 1, 1), 3), ('hal', sales, 50, date(2016, 6, 6), None),
        ('ivy', sales, 40, date(2022, 2, 2), 1)):
    Employee.objects.create(name=name, department=dept, salary=salary, hired=hired, bonus=bonus)


def fact(name, value):
    print('%-28s %r' % (name, value))


by_id = Employee.objects.order_by('id')
in_dept = dict(partition_by=[F('department')], order_by=F('salary').desc())


def col(expression, qs=by_id):
    return list(qs.annotate(x=expression).values_list('x', flat=True))


# Numbering in each department, highest salary first (ann and bob tie).
fact('row_number', col(Window(RowNumber(), partition_by=[F('department')], order_by=[F('salary').desc(), F('name')])))
fact('rank', col(Window(Rank(), **in_dept)))
fact('dense_rank', col(Window(DenseRank(), **in_dept)))
fact('percent_rank', col(Window(PercentRank(), **in_dept)))
fact('cume_dist', col(Window(CumeDist(), **in_dept)))
fact('ntile 4 overall', col(Window(Ntile(4), order_by=[F('salary').desc(), F('name')])))
fact('rank overall', col(Window(Rank(), order_by=F('salary').desc())))
fact('row_number no order', sorted(col(Window(RowNumber()))))

# Neighbours in each department by hiring date.
by_hired = dict(partition_by=[F('department')], order_by=F('hired').asc())
fact('lag salary', col(Window(Lag('salary'), **by_hired)))
fact('lag salary 2 default 0', col(Window(Lag('salary', offset=2, default=0), **by_hired)))
fact('lag salary default self', col(Window(Lag('salary', 1, F('salary')), **by_hired)))
# A NULL read from a row that exists stays NULL; the default is only for rows that do not exist.
fact('lag bonus default 0', col(Window(Lag('bonus', 1, 0), **by_hired)))
fact('lead bonus 2 default -1', col(Window(Lead('bonus', 2, -1), **by_hired)))
fact('row_number bonus nulls last', col(Window(RowNumber(), order_by=[F('bonus').desc(nulls_last=True), F('name')])))
fact('row_number bonus nulls first', col(Window(RowNumber(), order_by=[F('bonus').asc(nulls_first=True), F('name')])))
fact('lead name', col(Window(Lead('name'), **by_hired)))
fact('lead hired default', col(Window(Lead('hired', 1, date(1999, 1, 1)), **by_hired)))
fact('first_value name', col(Window(FirstValue('name'), partition_by=[F('department')],
                                     order_by=[F('salary').desc(), F('name')])))
fact('last_value default frame', col(Window(LastValue('name'), **by_hired)))
fact('last_value whole frame', col(Window(LastValue('name'), frame=RowRange(start=None, end=None), **by_hired)))
fact('nth_value 2', col(Window(NthValue('name', 2), frame=RowRange(start=None, end=None), **by_hired)))

# Aggregates over windows.
fact('sum per department', col(Window(Sum('salary'), partition_by=[F('department')])))
fact('avg per department', col(Window(Avg('salary'), partition_by=[F('department')])))
fact('count overall', col(Window(Count('id'))))
fact('sum of eng overall', col(Window(Sum('salary', filter=Q(department__name='eng')))))
fact('rank with a frame', col(Window(Rank(), frame=RowRange(start=-1, end=0), **in_dept)))
fact('running sum by hired', col(Window(Sum('salary'), order_by=F('hired').asc())))
fact('running sum by salary', col(Window(Sum('salary'), order_by=F('salary').asc())))
fact('running sum rows', col(Window(Sum('salary'), order_by=[F('salary').asc(), F('id')], frame=RowRange(start=None, end=0)),
                              Employee.objects.order_by('salary', 'id')))
fact('moving avg rows -1..1', col(Window(Avg('salary'), order_by=F('hired').asc(), frame=RowRange(start=-1, end=1))))
fact('max range to end', col(Window(Max('salary'), order_by=F('hired').asc(), frame=ValueRange(start=0, end=None))))
fact('min rows -2..0', col(Window(Min('salary'), order_by=F('hired').asc(), frame=RowRange(start=-2, end=0))))
try:
    col(Window(Min('salary'), order_by=F('hired').asc(), frame=RowRange(start=1, end=2)))
    fact('rows 1..2 following', 'runs')
except ValueError as e:
    fact('rows 1..2 following', str(e))

# Partitions and orderings across a relation; ordering the rows by a window.
fact('rank by dept name', col(Window(Rank(), partition_by=[F('department__name')], order_by=F('hired').desc())))
fact('order by window', list(Employee.objects.annotate(r=Window(RowNumber(), order_by=F('hired').desc()))
                             .order_by('r').values_list('name', flat=True)))
fact('values with window', list(Employee.objects.order_by('id').values('name')
                                .annotate(s=Window(Sum('salary'), partition_by=[F('department')]))
                                .values_list('name', 's')))
fact('order_by a Window', list(Employee.objects.order_by(
    Window(Sum('salary'), partition_by=[F('department')]).desc(), 'name').values_list('name', flat=True)))
fact('rank over count', list(Department.objects.annotate(n=Count('employees'))
                             .annotate(r=Window(Rank(), order_by=Count('employees').desc()))
                             .order_by('id').values_list('name', 'n', 'r')))
fact('values grouped rank', list(Employee.objects.values('department__name').annotate(n=Count('id'))
                                .annotate(r=Window(Rank(), order_by=Count('id').desc()))
                                .order_by('department__name').values_list('department__name', 'n', 'r')))
fact('instance annotation', [(e.name, e.r) for e in Employee.objects.annotate(
    r=Window(Rank(), partition_by=[F('department')], order_by=F('salary').desc())).order_by('id')])

# Filtering on a window annotation: refused by Django 3.2, wrapped by Django 4.2.
ranked = Employee.objects.annotate(r=Window(Rank(), **in_dept)).order_by('id')
try:
    list(ranked.filter(r=1))
    fact('filter on window 3.2', 'runs')
except NotSupportedError as e:
    fact('filter on window 3.2', str(e))
rows = list(ranked.values_list('name', 'r', 'salary'))
fact('top paid 4.2', [n for n, r, s in rows if r == 1])
fact('top paid count 4.2', len([n for n, r, s in rows if r == 1]))
fact('top paid salary sum 4.2', sum(s for n, r, s in rows if r == 1))
rows_desc = list(Employee.objects.annotate(r=Window(Rank(), **in_dept)).order_by('id').values_list('name', 'r'))
fact('rank 3+ instances 4.2', ['%s=%s' % (n, r) for n, r in rows_desc if r >= 3])
# Aggregating over a window annotation wraps the query in Django 3.2 already.
fact('aggregate max over window', ranked.aggregate(m=Max('r')))
fact('aggregate count over window', ranked.aggregate(c=Count('id')))
fact('rank 2+ 4.2', [n for n, r, s in rows if r >= 2])
try:
    list(ranked.filter(Q(r=1) | Q(salary=80)))
except NotSupportedError as e:
    fact('window OR plain 3.2', str(e))
fact('window OR plain 4.2', [n for n, r, s in rows if r == 1 or s == 80])
# A plain condition stays inside (WHERE, before the window is computed): the ranking is of the rows kept.
# Django 4.2 splits an AND this way whatever the order of the filter() calls.
kept = list(Employee.objects.filter(salary__lt=100).annotate(r=Window(Rank(), **in_dept)).order_by('id')
            .values_list('name', 'r'))
fact('filter then top 4.2', [n for n, r in kept if r == 1])
by_count = list(Department.objects.annotate(n=Count('employees'))
                .annotate(r=Window(Rank(), order_by=Count('employees').desc())).order_by('id').values_list('name', 'r'))
fact('top 2 departments 4.2', [n for n, r in by_count if r <= 2])
running = list(Employee.objects.annotate(t=Window(Sum('salary'), order_by=F('hired').asc()))
               .order_by('-hired').values_list('name', 't'))
fact('running total <= 300 4.2', [n for n, t in running if t <= 300])
fact('running total limit 2 4.2', [n for n, t in running if t <= 300][:2])
fact('running total values 4.2', [(n, t) for n, t in running if t <= 300])

# A window inside a WHERE: Django refuses it too.
try:
    list(Employee.objects.filter(salary__gt=Window(Avg('salary'))))
    fact('window as filter value', 'runs')
except NotSupportedError as e:
    fact('window as filter value', str(e))

# Refused before SQL in Quarry; Django refuses them too (the last one only when the database says so).
try:
    Lag('salary', offset=0)
    fact('lag offset 0', 'accepted')
except ValueError as e:
    fact('lag offset 0', str(e))
try:
    col(Window(Count('department', distinct=True)))
    fact('distinct count over window', 'runs')
except Exception as e:
    fact('distinct count over window', '%s: %s' % (type(e).__name__, e))
try:
    col(Window(Lag('salary', 1, Value('x'))))
    fact('lag default of another type', 'runs')
except Exception as e:
    fact('lag default of another type', '%s: %s' % (type(e).__name__, e))
