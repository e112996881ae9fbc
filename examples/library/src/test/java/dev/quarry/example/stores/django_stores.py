# What Django 3.2 gives for the queries of TypedMultiTableTest (beside this file): Store <- Kiosk (multi-table
# inheritance, parent link store_ptr) and Sale pointing at Store, on the test's rows. Each output line is one fact
# the Java test asserts for both the typed and the string form, with the number of queries. Run on SQLite in memory:
#
#   /usr/bin/python3 examples/library/src/test/java/dev/quarry/example/stores/django_stores.py
#
# Needs Debian's python3-django (3.2).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), *['..'] * 9, 'quarry-core', 'src', 'test',
                             'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.core.exceptions import FieldError  # noqa: E402
from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Sum  # noqa: E402


class Store(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = 'lib'


class Kiosk(Store):
    open = models.BooleanField(default=False)

    class Meta:
        app_label = 'lib'


class Sale(models.Model):
    store = models.ForeignKey(Store, on_delete=models.CASCADE, related_name='sales')
    amount = models.IntegerField()

    class Meta:
        app_label = 'lib'


with connection.schema_editor() as editor:
    for model in (Store, Kiosk, Sale):
        editor.create_model(model)

market = Store.objects.create(name='market')
north = Kiosk.objects.create(name='north', open=True)
south = Kiosk.objects.create(name='south', open=False)
for store, amount in ((north, 5), (north, 12), (market, 7), (south, 20)):
    Sale.objects.create(store=store, amount=amount)


def fact(label, run):
    reset_queries()
    result = run()
    print(f'{label}: {result} ({len(connection.queries)} queries)')


print('Kiosk fields:', ', '.join(f.name for f in Kiosk._meta.get_fields()))
print('Store fields:', ', '.join(f.name for f in Store._meta.get_fields()))
fact('Store kiosk__open=True', lambda: [s.name for s in Store.objects.filter(kiosk__open=True)])
fact('Store kiosk__isnull=True', lambda: [s.name for s in Store.objects.filter(kiosk__isnull=True)])
fact('Kiosk store_ptr__name__startswith=n', lambda: [k.name for k in Kiosk.objects.filter(store_ptr__name__startswith='n')])
fact('Kiosk sales__amount__gt=10', lambda: [k.name for k in Kiosk.objects.filter(sales__amount__gt=10).order_by('name')])
fact('Sale store__kiosk__open=False', lambda: [s.amount for s in Sale.objects.filter(store__kiosk__open=False)])
fact('Kiosk total=Sum(sales__amount) -total', lambda: [(k.name, k.total) for k in
                                                        Kiosk.objects.annotate(total=Sum('sales__amount')).order_by('-total')])
fact('Kiosk values_list store_ptr__name, open', lambda: list(Kiosk.objects.order_by('name')
                                                             .values_list('store_ptr__name', 'open')))
fact('Store select_related kiosk', lambda: [(s.name, s.kiosk.open if hasattr(s, 'kiosk') else None)
                                            for s in Store.objects.select_related('kiosk').order_by('name')])
fact('Kiosk prefetch_related sales', lambda: [(k.name, sorted(s.amount for s in k.sales.all()))
                                              for k in Kiosk.objects.prefetch_related('sales').order_by('name')])
try:
    Kiosk.objects.filter(kiosk__open=True).count()
except FieldError as e:
    print('Kiosk kiosk__open=True:', e)
fact('Kiosk select_related store_ptr', lambda: [k.name for k in Kiosk.objects.select_related('store_ptr').order_by('name')])
fact('Kiosk prefetch_related store_ptr', lambda: [(k.name, k.store_ptr.name) for k in
                                                  Kiosk.objects.prefetch_related('store_ptr').order_by('name')])
