# What Django 3.2 gives for F() and arithmetic on the rows of ArithmeticTest (dev.quarry.arithmetic).
# Each output line is one fact the Java test asserts; run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/arithmetic/django_arithmetic.py
#
# Needs Debian's python3-django (3.2).
import os
import sys
from datetime import date
from decimal import Decimal

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'shop')

from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Count, F, Q  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)
    birth_year = models.IntegerField(null=True)
    min_rating = models.IntegerField()

    class Meta:
        app_label = 'shop'


class Book(models.Model):
    title = models.CharField(max_length=50)
    pages = models.IntegerField()
    price = models.DecimalField(max_digits=6, decimal_places=2)
    rating = models.FloatField()
    stock = models.IntegerField()
    published = models.DateField()
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name='books')

    class Meta:
        app_label = 'shop'


class Review(models.Model):
    book = models.ForeignKey(Book, on_delete=models.CASCADE)
    rating = models.IntegerField()
    user_name = models.CharField(max_length=20)

    class Meta:
        app_label = 'shop'


with connection.schema_editor() as s:
    for m in (Author, Book, Review):
        s.create_model(m)

ann = Author.objects.create(name='ann', birth_year=1950, min_rating=3)
bob = Author.objects.create(name='bob', birth_year=1970, min_rating=4)
cat = Author.objects.create(name='cat', birth_year=None, min_rating=5)
dune = Book.objects.create(title='Dune', pages=412, price=Decimal('9.99'), rating=4.5, stock=5,
                           published=date(1965, 8, 1), author=ann)
emma = Book.objects.create(title='Emma', pages=474, price=Decimal('12.50'), rating=3.75, stock=0,
                           published=date(1996, 6, 15), author=ann)
faust = Book.objects.create(title='Faust', pages=158, price=Decimal('7.25'), rating=4.0, stock=2,
                            published=date(2003, 3, 18), author=bob)
for book, rating, user in ((dune, 5, 'u1'), (dune, 3, 'u2'), (emma, 4, 'u3'), (faust, 4, 'u4'), (faust, 5, 'u5')):
    Review.objects.create(book=book, rating=rating, user_name=user)


def fact(name, value):
    print('%-40s %r' % (name, value))


def titles(qs):
    return [b.title for b in qs.order_by('id')]


fact('filter stock < pages / 100', titles(Book.objects.filter(stock__lt=F('pages') / 100)))
fact('reviews rating > author min', list(Review.objects.filter(rating__gt=F('book__author__min_rating'))
                                         .order_by('id').values_list('user_name', flat=True)))
fact('exclude stock >= author min', titles(Book.objects.exclude(stock__gte=F('author__min_rating'))))
fact('authors pages > stock*100 one call', list(Author.objects.filter(books__pages__gt=F('books__stock') * 100)
                                                .order_by('id').values_list('name', flat=True)))
fact('authors chained F filters', list(Author.objects.filter(books__stock__gt=0)
                                       .filter(books__pages__gt=F('books__stock') * 100).distinct()
                                       .order_by('id').values_list('name', flat=True)))
fact('authors exclude pages > stock*100', list(Author.objects.exclude(books__pages__gt=F('books__stock') * 100)
                                               .order_by('id').values_list('name', flat=True)))
fact('annotate price * stock', [(b.title, b.value) for b in
                                Book.objects.annotate(value=F('price') * F('stock')).order_by('id')])
fact('annotate pages + rating', list(Book.objects.annotate(x=F('pages') + F('rating')).order_by('id')
                                     .values_list('x', flat=True)))
fact('annotate pages / 100', list(Book.objects.annotate(x=F('pages') / 100).order_by('id').values_list('x', flat=True)))
fact('annotate pages % 100', list(Book.objects.annotate(x=F('pages') % 100).order_by('id').values_list('x', flat=True)))
fact('annotate author birth + pages', list(Book.objects.annotate(x=F('author__birth_year') + F('pages'))
                                           .order_by('id').values_list('x', flat=True)))
fact('alias total > 10', titles(Book.objects.alias(total=F('stock') * F('price')).filter(total__gt=10)))
fact('order by stock - pages/100 desc', [b.title for b in Book.objects.order_by((F('stock') - F('pages') / 100).desc())])
fact('authors birth nulls first', list(Author.objects.order_by(F('birth_year').asc(nulls_first=True))
                                       .values_list('name', flat=True)))
fact('authors birth desc nulls last', list(Author.objects.order_by(F('birth_year').desc(nulls_last=True))
                                           .values_list('name', flat=True)))
fact('values title, author name', list(Book.objects.order_by('id').values_list('title', 'author__name')))
fact('annotate then values', list(Book.objects.annotate(left=F('stock') - 1).order_by('id').values('title', 'left')))
fact('having n >= stock', titles(Book.objects.annotate(n=Count('review')).filter(n__gte=F('stock'))))
reset_queries()
n = Book.objects.update(stock=F('stock') - 1)
fact('update stock - 1 rows', n)
fact('update stock - 1 queries', len(connection.queries))
fact('stocks after', list(Book.objects.order_by('id').values_list('stock', flat=True)))
reset_queries()
n = Book.objects.filter(author__name='ann').update(stock=F('stock') + F('pages') / 100)
fact('update joined filter rows', n)
fact('update joined filter queries', len(connection.queries))
fact('stocks after 2', list(Book.objects.order_by('id').values_list('stock', flat=True)))
d = Book.objects.get(title='Dune')
d.stock = F('stock') + 10
d.save()
d.refresh_from_db()
fact('save with F then refresh', d.stock)


def error(work):
    try:
        work()
        return 'no error'
    except Exception as e:  # noqa: BLE001
        return '%s: %s' % (type(e).__name__, str(e).splitlines()[0])


fact('title + 1', error(lambda: list(Book.objects.annotate(x=F('title') + 1))))
fact('unknown F', error(lambda: list(Book.objects.filter(pages=F('nope')))))
fact('update joined F', error(lambda: Book.objects.update(stock=F('author__min_rating'))))
fact('insert with F', error(lambda: Book.objects.create(title='x', pages=F('pages'), price=1, rating=1, stock=1,
                                                        published=date(2000, 1, 1), author=ann)))
