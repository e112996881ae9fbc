# What Django 3.2 gives for Case/When and conditional aggregates on the rows of CaseWhenTest and
# ConditionalAggregatesTest (dev.quarry.conditional). Each output line is one fact the Java tests assert;
# run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/conditional/django_conditional.py
#
# Needs Debian's python3-django (3.2).
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'crm')

from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Avg, Case, CharField, Count, F, IntegerField, Max, Min, Q, Sum, Value, When  # noqa: E402


class Client(models.Model):
    name = models.CharField(max_length=50)
    account_type = models.CharField(max_length=1)
    registered = models.DateField()

    class Meta:
        app_label = 'crm'


class Order(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name='orders')
    amount = models.IntegerField()
    status = models.CharField(max_length=10)

    class Meta:
        app_label = 'crm'


with connection.schema_editor() as s:
    s.create_model(Client)
    s.create_model(Order)

jane = Client.objects.create(name='jane', account_type='G', registered=date(2015, 3, 1))
james = Client.objects.create(name='james', account_type='R', registered=date(2020, 6, 15))
jack = Client.objects.create(name='jack', account_type='P', registered=date(2010, 1, 10))
jill = Client.objects.create(name='jill', account_type='R', registered=date(2021, 2, 2))
for c, amount, status in ((jane, 100, 'paid'), (jane, 50, 'open'), (james, 20, 'paid'), (jack, 200, 'paid'),
                          (jack, 300, 'paid'), (jack, 10, 'open')):
    Order.objects.create(client=c, amount=amount, status=status)


def fact(name, value):
    print('%-34s %r' % (name, value))


by_id = Client.objects.order_by('id')
fact('discount by type', list(by_id.annotate(d=Case(When(account_type='G', then=Value('5%')),
                                                       When(account_type='P', then=Value('10%')),
                                                       default=Value('0%'))).values_list('name', 'd')))
fact('discount by date', list(by_id.annotate(d=Case(When(registered__lte=date(2014, 1, 1), then=Value(10)),
                                                       When(registered__lte=date(2019, 1, 1), then=Value(5)),
                                                       default=Value(0))).values_list('d', flat=True)))
fact('no default is null', list(by_id.annotate(d=Case(When(account_type='P', then=Value(1)))).values_list('d', flat=True)))
fact('then a field', list(by_id.annotate(d=Case(When(account_type='R', then=F('registered')))).values_list('d', flat=True)))
fact('Q with or', list(by_id.annotate(d=Case(When(Q(account_type='G') | Q(name='jill'), then=Value('x')),
                                               default=Value('-'))).values_list('d', flat=True)))
fact('filter on case', list(Client.objects.filter(account_type=Case(When(registered__year__lt=2016, then=Value('P')),
                                                                         default=Value('R')))
                                  .order_by('id').values_list('name', flat=True)))
fact('order by case', list(Client.objects.order_by(Case(When(account_type='P', then=Value(0)),
                                                         When(account_type='G', then=Value(1)), default=Value(2)),
                                                    'name').values_list('name', flat=True)))
fact('sum of case', list(by_id.annotate(paid=Sum(Case(When(orders__status='paid', then=F('orders__amount')),
                                                         default=Value(0)))).values_list('paid', flat=True)))
fact('case on relation no agg', sorted(set(Client.objects.annotate(o=Case(When(orders__status='open', then=Value(1)),
                                                                           default=Value(0))).filter(o=1)
                                           .values_list('name', flat=True))))
reset_queries()
n = Client.objects.update(account_type=Case(When(registered__lt=date(2016, 1, 1), then=Value('P')),
                                            default=F('account_type')))
fact('update with case rows', n)
fact('update with case queries', len(connection.queries))
fact('types after update', list(by_id.values_list('account_type', flat=True)))
Client.objects.filter(name='jane').update(account_type='G')

fact('count filter', list(by_id.annotate(n=Count('orders', filter=Q(orders__status='paid'))).values_list('n', flat=True)))
fact('sum filter', list(by_id.annotate(n=Sum('orders__amount', filter=Q(orders__status='paid'))).values_list('n', flat=True)))
fact('avg filter', list(by_id.annotate(n=Avg('orders__amount', filter=Q(orders__status='paid'))).values_list('n', flat=True)))
fact('min max filter', list(by_id.annotate(lo=Min('orders__amount', filter=Q(orders__status='paid')),
                                           hi=Max('orders__amount', filter=Q(orders__amount__lt=250)))
                           .values_list('lo', 'hi')))
fact('two filtered counts', list(by_id.annotate(paid=Count('orders', filter=Q(orders__status='paid')),
                                                open=Count('orders', filter=Q(orders__status='open')))
                                .values_list('paid', 'open')))
fact('aggregate filters', Order.objects.aggregate(paid=Count('id', filter=Q(status='paid')),
                                                  open=Count('id', filter=Q(status='open')),
                                                  big=Sum('amount', filter=Q(amount__gte=100))))
fact('count distinct filter', Order.objects.aggregate(n=Count('client', distinct=True, filter=Q(status='paid'))))
fact('filter on relation', Client.objects.aggregate(n=Count('id', filter=Q(orders__status='open'))))
fact('having filtered count', list(Client.objects.annotate(n=Count('orders', filter=Q(orders__status='paid')))
                                   .filter(n__gte=1).order_by('id').values_list('name', flat=True)))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


fact('mixed case types', error(lambda: list(Client.objects.annotate(d=Case(When(account_type='G', then=Value('a')),
                                                                             default=Value(1))))))
