# What Django 3.2 gives for Subquery, OuterRef, Exists and __in with a QuerySet on the rows of
# SubqueryTest (dev.quarry.subqueries). Each output line is one fact the Java test asserts; run on
# SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/subqueries/django_subqueries.py
#
# Needs Debian's python3-django (3.2).
import os
import sys
from datetime import date

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Avg, Count, Exists, F, FloatField, OuterRef, Subquery, Value  # noqa: E402
from django.db.models.functions import Coalesce  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = 'lib'


class Book(models.Model):
    title = models.CharField(max_length=50)
    published = models.DateField()
    rating = models.FloatField()
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')

    class Meta:
        app_label = 'lib'


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    stars = models.IntegerField()

    class Meta:
        app_label = 'lib'


with connection.schema_editor() as s:
    for m in (Author, Book, Review):
        s.create_model(m)

ann = Author.objects.create(name='ann')
bob = Author.objects.create(name='bob')
cat = Author.objects.create(name='cat')
dune = Book.objects.create(title='Dune', published=date(1965, 8, 1), rating=4.5, author=ann)
emma = Book.objects.create(title='Emma', published=date(1996, 6, 15), rating=3.75, author=ann)
faust = Book.objects.create(title='Faust', published=date(2003, 3, 18), rating=4.0, author=bob)
Review.objects.create(book=dune, stars=5)
Review.objects.create(book=dune, stars=3)
Review.objects.create(book=faust, stars=4)


def fact(name, value):
    print('%-34s %r' % (name, value))


authors = Author.objects.order_by('id')
newest = Book.objects.filter(author=OuterRef('pk')).order_by('-published').values('title')[:1]
fact('newest title', list(authors.annotate(t=Subquery(newest)).values_list('name', 't')))
counted = Book.objects.filter(author=OuterRef('pk')).values('author').annotate(n=Count('id')).values('n')
fact('count via subquery', list(authors.annotate(n=Subquery(counted)).values_list('n', flat=True)))
reviewed = Review.objects.filter(book__author=OuterRef('pk'))
fact('exists annotate', list(authors.annotate(r=Exists(reviewed)).values_list('r', flat=True)))
fact('filter exists', list(authors.filter(Exists(reviewed)).values_list('name', flat=True)))
fact('filter not exists', list(authors.filter(~Exists(reviewed)).values_list('name', flat=True)))
fact('order by exists', list(Author.objects.order_by(Exists(reviewed).desc(), '-name').values_list('name', flat=True)))
five = Review.objects.filter(book=OuterRef('pk'), stars__gte=5, book__author=OuterRef(OuterRef('pk')))
fact('nested outerref', list(authors.filter(Exists(Book.objects.filter(author=OuterRef('pk')).filter(Exists(five))))
                             .values_list('name', flat=True)))
best = Review.objects.filter(book=OuterRef('pk')).order_by('-stars').values('stars')[:1]
top = Book.objects.filter(author=OuterRef('pk')).annotate(best=Subquery(best)).order_by(F('best').desc(nulls_last=True)) \
    .values('title')[:1]
fact('subquery in subquery', list(authors.annotate(t=Subquery(top)).values_list('t', flat=True)))
fact('author in queryset', list(Book.objects.filter(author__in=Author.objects.filter(name__startswith='a'))
                                .order_by('id').values_list('title', flat=True)))
fact('id in values', list(Book.objects.filter(id__in=Review.objects.values('book')).order_by('id')
                          .values_list('title', flat=True)))
fact('exclude in queryset', list(Book.objects.exclude(author__in=Author.objects.filter(name='ann'))
                                 .order_by('id').values_list('title', flat=True)))
fact('filter value subquery', list(Book.objects.filter(rating__gte=Subquery(Book.objects.filter(title='Faust')
                                                                            .values('rating'))).order_by('id')
                                   .values_list('title', flat=True)))
fact('rating above author avg', list(Book.objects.filter(
    rating__gt=Subquery(Book.objects.filter(author=OuterRef('author')).values('author').annotate(a=Avg('rating'))
                        .values('a'))).order_by('id').values_list('title', flat=True)))
avg_stars = Review.objects.filter(book=OuterRef('pk')).values('book').annotate(a=Avg('stars')).values('a')
reset_queries()
n = Book.objects.update(rating=Coalesce(Subquery(avg_stars, output_field=FloatField()), Value(0.0)))
fact('update with subquery rows', n)
fact('update with subquery queries', len(connection.queries))
fact('ratings after', list(Book.objects.order_by('id').values_list('rating', flat=True)))


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


fact('outerref alone', error(lambda: list(Book.objects.filter(author=OuterRef('pk')))))
fact('two columns', error(lambda: list(authors.annotate(t=Subquery(Book.objects.filter(author=OuterRef('pk'))
                                                                   .values('title', 'rating')[:1])))))
