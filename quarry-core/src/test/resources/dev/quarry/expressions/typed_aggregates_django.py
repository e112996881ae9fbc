"""What Django 3.2 answers on the rows of TypedAggregatesTest (documentation: backs its expectations).

Run: /usr/bin/python3 typed_aggregates_django.py   (Debian's python3-django, in-memory SQLite)
"""
import datetime
import os
import sys
from decimal import Decimal

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "python"))
import django_memory  # noqa: E402

# An app for the models, so that Django computes their reverse relations.
django_memory.setup(__file__, "expressions", debug=False)

from django.db import connection, models  # noqa: E402
from django.db.models import Avg, Count, Max, Min, Sum  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "expressions"


class Book(models.Model):
    title = models.CharField(max_length=50)
    pages = models.IntegerField()
    price = models.DecimalField(max_digits=6, decimal_places=2)
    rating = models.FloatField()
    published = models.DateField()
    copies = models.BigIntegerField()
    author = models.ForeignKey(Author, models.CASCADE, related_name="books")

    class Meta:
        app_label = "expressions"


with connection.schema_editor() as editor:
    editor.create_model(Author)
    editor.create_model(Book)


def show(label, thunk):
    try:
        value = thunk()
    except Exception as e:  # noqa: BLE001
        value = "%s: %s" % (type(e).__name__, e)
    if isinstance(value, dict):
        value = {k: (v, type(v).__name__) for k, v in value.items()}
    print("%-55s %r" % (label, value))


# Empty tables first.
show("empty aggregate(Count('id'))", lambda: Book.objects.aggregate(Count("id")))
show("empty aggregate(Avg, Sum, Min, Max)", lambda: Book.objects.aggregate(
    Avg("pages"), Sum("pages"), Sum("price"), Sum("rating"), Min("published"), Max("published")))

ann = Author.objects.create(name="ann")
bob = Author.objects.create(name="bob")
cat = Author.objects.create(name="cat")
Book.objects.create(title="Dune", pages=412, price=Decimal("9.99"), rating=4.5,
                    published=datetime.date(1965, 8, 1), copies=3_000_000_000, author=ann)
Book.objects.create(title="Emma", pages=474, price=Decimal("12.50"), rating=3.75,
                    published=datetime.date(1996, 6, 15), copies=1_000_000_000, author=ann)
Book.objects.create(title="Faust", pages=158, price=Decimal("7.25"), rating=4.0,
                    published=datetime.date(2003, 3, 18), copies=50_000, author=bob)

show("aggregate(Count('id'))", lambda: Book.objects.aggregate(Count("id")))
show("aggregate(Count('author', distinct=True))", lambda: Book.objects.aggregate(Count("author", distinct=True)))
show("aggregate(Avg('pages'))", lambda: Book.objects.aggregate(Avg("pages")))
show("aggregate(Sum('pages'))", lambda: Book.objects.aggregate(Sum("pages")))
show("aggregate(Sum('price'))", lambda: Book.objects.aggregate(Sum("price")))
show("aggregate(Sum('rating'))", lambda: Book.objects.aggregate(Sum("rating")))
show("aggregate(Avg('rating'))", lambda: Book.objects.aggregate(Avg("rating")))
show("aggregate(Avg('price'))", lambda: Book.objects.aggregate(Avg("price")))
show("aggregate(Min('published'), Max('published'))", lambda: Book.objects.aggregate(
    Min("published"), Max("published")))
show("aggregate(Avg('pages'), Sum('pages'), Max('published'))", lambda: Book.objects.aggregate(
    Avg("pages"), Sum("pages"), Max("published")))
show("aggregate(longest=Max('pages'), shortest=Min('pages'))", lambda: Book.objects.aggregate(
    longest=Max("pages"), shortest=Min("pages")))
show("filter(author__name='bob').aggregate(Sum('pages'))", lambda: Book.objects.filter(
    author__name="bob").aggregate(Sum("pages")))
show("filter(author__name='cat').aggregate(Count, Sum)", lambda: Book.objects.filter(
    author__name="cat").aggregate(Count("id"), Sum("pages")))
show("Author annotate(n=Count('books')) by name", lambda: [
    (a.name, a.n) for a in Author.objects.annotate(n=Count("books")).order_by("name")])
show("Author annotate(sold=Sum('books__copies')) by name", lambda: [
    (a.name, a.sold) for a in Author.objects.annotate(sold=Sum("books__copies")).order_by("name")])
show("Author annotate(first=Min('books__published'))", lambda: [
    (a.name, a.first) for a in Author.objects.annotate(first=Min("books__published")).order_by("name")])
for alias in ["a b", "x__y", "1n", "n; DROP"]:
    show("Author annotate(**{%r: Count('books')})" % alias, lambda: list(
        Author.objects.annotate(**{alias: Count("books")}).values_list("name")))
show("Author annotate(name=Count('books'))", lambda: Author.objects.annotate(name=Count("books")))
show("Author annotate(books=Count('books'))", lambda: Author.objects.annotate(books=Count("books")))
