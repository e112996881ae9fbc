"""What Django 3.2 does with ManyToManyThroughTest's and SelfManyToManyTest's scenarios (backs their expectations).

Run: /usr/bin/python3 through_django.py   (Debian's python3-django; SQLite in memory)
Each line prints a scenario's rows and the number of queries Django ran for it.
"""
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "python"))
import django_memory  # noqa: E402

django_memory.setup(__file__, "through", debug=False)

from django.db import connection, models  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class Publisher(models.Model):
    name = models.CharField(max_length=50)

    class Meta:
        app_label = "through"


class Book(models.Model):
    title = models.CharField(max_length=100)
    publishers = models.ManyToManyField(Publisher, through="Contract", through_fields=("book", "publisher"),
                                        related_name="books")

    class Meta:
        app_label = "through"


class Contract(models.Model):
    book = models.ForeignKey(Book, models.CASCADE)
    publisher = models.ForeignKey(Publisher, models.CASCADE)
    agent = models.ForeignKey(Publisher, models.SET_NULL, null=True, related_name="+")
    royalty_pct = models.IntegerField(default=10)

    class Meta:
        app_label = "through"


class Person(models.Model):
    name = models.CharField(max_length=50)
    friends = models.ManyToManyField("self")
    follows = models.ManyToManyField("self", symmetrical=False, related_name="followers")

    class Meta:
        app_label = "through"


class Member(models.Model):
    name = models.CharField(max_length=50)
    buddies = models.ManyToManyField("self", through="Buddy")

    class Meta:
        app_label = "through"


class Buddy(models.Model):
    from_member = models.ForeignKey(Member, models.CASCADE, related_name="+")
    to_member = models.ForeignKey(Member, models.CASCADE, related_name="+")
    level = models.IntegerField(default=1)

    class Meta:
        app_label = "through"


with connection.schema_editor() as editor:
    for m in (Publisher, Book, Contract, Person, Member, Buddy):
        editor.create_model(m)


def run(label, fn):
    with CaptureQueriesContext(connection) as ctx:
        out = fn()
    print(f"{label}: {out!r} [{len(ctx.captured_queries)} queries]")


def contracts():
    return [(c.book.title, c.publisher.name, c.royalty_pct) for c in Contract.objects.order_by("id")]


def names(qs):
    return [o.name if hasattr(o, "name") else o.title for o in qs]


# ---- ManyToManyThroughTest ----
dune = Book.objects.create(title="Dune")
emma = Book.objects.create(title="Emma")
ace = Publisher.objects.create(name="Ace")
tor = Publisher.objects.create(name="Tor")
run("add with through_defaults", lambda: dune.publishers.add(ace, through_defaults={"royalty_pct": 12}))
run("add again keeps the row", lambda: dune.publishers.add(ace, through_defaults={"royalty_pct": 99}))
run("add with the model default", lambda: dune.publishers.add(tor))
run("create", lambda: dune.publishers.create(name="Gollancz", through_defaults={"royalty_pct": 15}).name)
run("reverse add", lambda: ace.books.add(emma, through_defaults={"royalty_pct": 8}))
print("contracts:", contracts())
run("publishers of dune", lambda: names(dune.publishers.order_by("name")))
run("books of ace", lambda: names(ace.books.order_by("title")))
run("one filter, same link row", lambda: names(Book.objects.filter(publishers__name="Tor", contract__royalty_pct__gt=11)))
run("one filter, same link row (match)", lambda: names(Book.objects.filter(publishers__name="Ace", contract__royalty_pct__gt=11)))
run("chained filters, any link row", lambda: names(
    Book.objects.filter(publishers__name="Tor").filter(contract__royalty_pct__gt=11).distinct()))
run("publishers by contract", lambda: names(Publisher.objects.filter(contract__royalty_pct__lt=10)))
run("publishers by book title", lambda: names(Publisher.objects.filter(books__title="Dune").order_by("name")))
run("exclude through the field", lambda: names(Book.objects.exclude(publishers__name="Tor").order_by("title")))
run("count through the field", lambda: [(b.title, b.n) for b in
                                        Book.objects.annotate(n=models.Count("publishers")).order_by("title")])
run("sum over the through model", lambda: [(p.name, p.total) for p in
                                           Publisher.objects.annotate(total=models.Sum("contract__royalty_pct")).order_by("name")])
run("prefetch", lambda: [(b.title, names(b.publishers.all())) for b in
                         Book.objects.prefetch_related("publishers").order_by("title")])
run("reverse prefetch", lambda: [(p.name, names(p.books.all())) for p in
                                 Publisher.objects.prefetch_related("books").order_by("name")])
run("remove", lambda: dune.publishers.remove(tor))
print("contracts:", contracts())
gollancz = Publisher.objects.get(name="Gollancz")
run("set", lambda: dune.publishers.set([ace, tor], through_defaults={"royalty_pct": 7}))
print("contracts:", contracts())
run("reverse clear", lambda: ace.books.clear())
print("contracts:", contracts())
run("delete a book", lambda: dune.delete())
print("contracts:", contracts())

# ---- SelfManyToManyTest ----
ann = Person.objects.create(name="Ann")
bob = Person.objects.create(name="Bob")
cat = Person.objects.create(name="Cat")
run("symmetrical add", lambda: ann.friends.add(bob, cat))
print("friend rows:", Person.friends.through.objects.count())
run("bob's friends", lambda: names(bob.friends.all()))
run("ann's friends", lambda: names(ann.friends.order_by("name")))
run("friends lookup", lambda: names(Person.objects.filter(friends__name="Ann").order_by("name")))
run("symmetrical remove", lambda: bob.friends.remove(ann))
print("friend rows:", Person.friends.through.objects.count())
run("ann's friends after remove", lambda: names(ann.friends.all()))
run("symmetrical clear", lambda: cat.friends.clear())
print("friend rows:", Person.friends.through.objects.count())
run("follows add", lambda: ann.follows.add(bob))
run("bob's followers", lambda: names(bob.followers.all()))
run("bob follows", lambda: names(bob.follows.all()))
run("ann's followers", lambda: names(ann.followers.all()))
run("prefetch friends", lambda: (ann.friends.add(bob), [(p.name, names(p.friends.all())) for p in
                                                         Person.objects.prefetch_related("friends").order_by("name")])[1])
run("delete ann", lambda: ann.delete())
print("friend rows:", Person.friends.through.objects.count())
print("follow rows:", Person.follows.through.objects.count())

# ---- a symmetrical relation through a model ----
eve = Member.objects.create(name="Eve")
fay = Member.objects.create(name="Fay")
run("symmetrical add through a model", lambda: eve.buddies.add(fay, through_defaults={"level": 3}))
print("buddies:", [(b.from_member.name, b.to_member.name, b.level) for b in Buddy.objects.order_by("id")])
run("fay's buddies", lambda: names(fay.buddies.all()))
run("symmetrical remove through a model", lambda: fay.buddies.remove(eve))
print("buddies:", Buddy.objects.count())
