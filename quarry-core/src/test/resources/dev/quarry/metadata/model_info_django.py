"""What Django 3.2 says about the models of ModelInfoTest (documentation: backs its expectations).

Run: /usr/bin/python3 model_info_django.py   (Debian's python3-django; no tables are made)
"""
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "python"))
import django_memory  # noqa: E402

# Column types as Django's SQLite backend writes them (varchar(n) as on the other backends).
django_memory.setup(__file__, "metadata", debug=False)

from django.db import connection, models  # noqa: E402


class Author(models.Model):
    name = models.CharField(max_length=80)
    email = models.CharField(max_length=120, null=True, unique=True)
    born_on = models.DateField(null=True)

    class Meta:
        app_label = "metadata"
        db_table = "writers"
        ordering = ["name"]


class Publisher(models.Model):
    name = models.CharField(max_length=100, unique=True)

    class Meta:
        app_label = "metadata"


class Tag(models.Model):
    slug = models.CharField(max_length=30, primary_key=True)

    class Meta:
        app_label = "metadata"


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, models.CASCADE, related_name="books")
    publisher = models.ForeignKey(Publisher, models.SET_NULL, null=True)
    translator = models.ForeignKey(Author, models.SET_NULL, null=True, related_name="+", db_column="translated_by")
    page_count = models.IntegerField(null=True)
    price = models.DecimalField(max_digits=6, decimal_places=2, null=True)
    tags = models.ManyToManyField(Tag, related_name="tagged", related_query_name="tagged_book")

    class Meta:
        app_label = "metadata"


class Review(models.Model):
    book = models.ForeignKey(Book, models.CASCADE, related_query_name="critique")
    topic = models.ForeignKey(Tag, models.SET_NULL, null=True, related_name="reviews")
    stars = models.IntegerField()

    class Meta:
        app_label = "metadata"


for model in [Author, Publisher, Tag, Book, Review]:
    meta = model._meta
    print("%s: table=%s ordering=%s pk=%s" % (meta.object_name, meta.db_table, list(meta.ordering), meta.pk.name))
    for f in meta.concrete_fields:
        print("  field %-10s column=%-14s %-16s null=%-5s pk=%-5s unique=%-5s max_length=%-4s db_type=%s" % (
            f.name, f.column, f.get_internal_type(), f.null, f.primary_key, f.unique, f.max_length,
            f.db_type(connection)))
    for f in meta.many_to_many:
        through = f.remote_field.through._meta
        print("  m2m table %s: %s" % (through.db_table, ", ".join(
            "%s %s" % (c.column, c.db_type(connection)) for c in through.concrete_fields)))
    for f in meta.many_to_many:
        print("  m2m   %-10s query_name=%s -> %s" % (f.name, f.name, f.related_model.__name__))
    for r in meta.get_fields(include_hidden=True):
        if r.auto_created and not r.concrete:
            print("  reverse accessor=%-12s query_name=%-12s hidden=%-5s from %s.%s" % (
                r.get_accessor_name(), r.field.related_query_name() if not r.hidden else "-", r.hidden,
                r.related_model.__name__, r.field.name))
    print("  lookup names:", sorted(f.name for f in meta.get_fields()))
