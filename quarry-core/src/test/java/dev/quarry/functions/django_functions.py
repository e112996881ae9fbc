# What Django 3.2 gives for database functions, date transforms, regex lookups and random order on the
# rows of FunctionsTest, DateTransformsTest and RegexTest (dev.quarry.functions). Each output line is one
# fact the Java tests assert; run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/functions/django_functions.py
#
# Needs Debian's python3-django (3.2). Dates are stored naive, in UTC, as Quarry stores instants.
import os
import sys
from datetime import date, datetime, time
from decimal import Decimal

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'press')

from django.db import connection, models  # noqa: E402
from django.db.models import F, FloatField, Func, CharField, IntegerField, Value  # noqa: E402
from django.db.models.functions import (Abs, Cast, Ceil, Coalesce, Concat, Extract, Floor, Greatest, Least, Length,  # noqa: E402
                                        Lower, Mod, Now, NullIf, Power, Replace, Round, StrIndex, Substr, Trim, Trunc,
                                        TruncDate, TruncTime,
                                        Upper)


class Writer(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'press'


class Article(models.Model):
    title = models.CharField(max_length=50)
    subtitle = models.CharField(max_length=50, null=True)
    words = models.IntegerField()
    score = models.FloatField()
    price = models.DecimalField(max_digits=6, decimal_places=2)
    published = models.DateField()
    created_at = models.DateTimeField()
    writer = models.ForeignKey(Writer, on_delete=models.CASCADE, related_name='articles')

    class Meta:
        app_label = 'press'


with connection.schema_editor() as s:
    s.create_model(Writer)
    s.create_model(Article)

ann = Writer.objects.create(name='ann')
Article.objects.create(title='Quarry Guide', subtitle=None, words=1200, score=4.5, price=Decimal('9.99'),
                       published=date(2024, 2, 29), created_at=datetime(2024, 2, 29, 13, 45, 30, 250000), writer=ann)
Article.objects.create(title='django tips', subtitle='Tips', words=350, score=-2.5, price=Decimal('12.50'),
                       published=date(2023, 12, 31), created_at=datetime(2023, 12, 31, 23, 59, 59, 999999), writer=ann)
Article.objects.create(title='Éclair Recipes', subtitle='  Sweet ', words=0, score=3.0, price=Decimal('7.00'),
                       published=date(2021, 1, 3), created_at=datetime(2021, 1, 3, 0, 0, 0), writer=ann)


def fact(name, value):
    print('%-34s %r' % (name, value))


def col(expr):
    return list(Article.objects.annotate(x=expr).order_by('id').values_list('x', flat=True))


def ids(qs):
    return list(qs.order_by('id').values_list('id', flat=True))


fact('Lower', col(Lower('title'))[:2])
fact('Upper', col(Upper('title')))
fact('Length', col(Length('title')))
fact('Concat', col(Concat('title', Value(' / '), 'subtitle')))
fact('Concat writer', col(Concat('title', Value(' by '), 'writer__name'))[:1])
fact('Substr 1 5', col(Substr('title', 1, 5)))
fact('Substr 3', col(Substr('title', 3)))
fact('Trim', col(Trim('subtitle')))
fact('Replace', col(Replace('title', Value('i'), Value('!'))))
fact('StrIndex', col(StrIndex('title', Value('i'))))
fact('Coalesce', col(Coalesce('subtitle', 'title')))
fact('Greatest', col(Greatest('words', Value(500))))
fact('Least', col(Least('score', Value(0.0))))
fact('NullIf', col(NullIf('words', Value(0))))
fact('Abs', col(Abs('score')))
fact('Round', col(Round('score')))
fact('Ceil', col(Ceil('score')))
fact('Floor', col(Floor('score')))
fact('Mod', col(Mod('words', Value(7))))
fact('Power', col(Power('score', Value(2))))
fact('Cast words float', col(Cast('words', FloatField())))
fact('Cast words text', col(Cast('words', CharField())))
fact('Cast price float', col(Cast('price', FloatField())))
fact('Func ABS', col(Func(F('score'), function='ABS')))
fact('Func template', col(Func(F('words'), template='(%(expressions)s * 2)', output_field=IntegerField())))
fact('Now past', ids(Article.objects.filter(created_at__lt=Now())))
for part in ('year', 'iso_year', 'quarter', 'month', 'week', 'week_day', 'iso_week_day', 'day'):
    fact('Extract published ' + part, col(Extract('published', part)))
for part in ('hour', 'minute', 'second'):
    fact('Extract created ' + part, col(Extract('created_at', part)))
for kind in ('year', 'quarter', 'month', 'week', 'day'):
    fact('Trunc published ' + kind, [str(v) for v in col(Trunc('published', kind))])
for kind in ('year', 'quarter', 'month', 'week', 'day', 'hour', 'minute', 'second'):
    fact('Trunc created ' + kind, [str(v) for v in col(Trunc('created_at', kind))])
fact('TruncDate created', [str(v) for v in col(TruncDate('created_at'))])
fact('TruncTime created', [str(v) for v in col(TruncTime('created_at'))])
fact('created__date__gte', ids(Article.objects.filter(created_at__date__gte=date(2024, 1, 1))))
fact('created__date', ids(Article.objects.filter(created_at__date=date(2023, 12, 31))))
fact('created__time__lt', ids(Article.objects.filter(created_at__time__lt=time(12, 0))))
fact('created__time__gt', ids(Article.objects.filter(created_at__time__gt=time(13, 45, 30))))
fact('published__week_day', ids(Article.objects.filter(published__week_day=1)))
fact('published__iso_week_day', ids(Article.objects.filter(published__iso_week_day=7)))
fact('published__quarter', ids(Article.objects.filter(published__quarter=1)))
fact('published__week', ids(Article.objects.filter(published__week=53)))
fact('published__week__gte', ids(Article.objects.filter(published__week__gte=9)))
fact('published__iso_year', ids(Article.objects.filter(published__iso_year=2020)))
fact('published__iso_year__gte', ids(Article.objects.filter(published__iso_year__gte=2023)))
fact('published__year__in', ids(Article.objects.filter(published__year__in=[2021, 2023])))
fact('created__hour__gte', ids(Article.objects.filter(created_at__hour__gte=13)))
fact('created__minute', ids(Article.objects.filter(created_at__minute=59)))
fact('created__second__gt', ids(Article.objects.filter(created_at__second__gt=29)))
fact('created__year__lte', ids(Article.objects.filter(created_at__year__lte=2023)))
fact('regex ^[A-Z]', ids(Article.objects.filter(title__regex=r'^[A-Z]')))
fact('regex tips$', ids(Article.objects.filter(title__regex=r'tips$')))
fact('regex case', ids(Article.objects.filter(title__regex=r'^D')))
fact('iregex ^d', ids(Article.objects.filter(title__iregex=r'^D')))
fact('iregex sweet', ids(Article.objects.filter(subtitle__iregex=r'sweet')))
fact('regex alternation', ids(Article.objects.filter(title__regex=r'(Guide|Recipes)$')))
fact('exclude regex nullable', ids(Article.objects.exclude(subtitle__regex=r'T')))
fact('regex across relation', list(Writer.objects.filter(articles__title__regex=r'^Q').values_list('name', flat=True)))
fact('order by ?', sorted(Article.objects.order_by('?').values_list('id', flat=True)))
