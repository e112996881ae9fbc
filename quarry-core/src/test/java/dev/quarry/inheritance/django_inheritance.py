# What Django 3.2 gives for model inheritance, on the rows of the tests in dev.quarry.inheritance:
# an abstract base (fields, ordering and a related name with %(class)s inherited; no table),
# multi-table inheritance (Place <- Restaurant <- ItalianRestaurant: parent link <parent>_ptr_id, a
# child query joins its parents, the parent's reverse side, save/delete over every table, bulk_create
# refused) and a proxy (same table, own ordering and methods). Each output line is one fact the Java
# tests assert, with the number of queries; run on SQLite in memory:
#
#   /usr/bin/python3 quarry-core/src/test/java/dev/quarry/inheritance/django_inheritance.py
#
# Needs Debian's python3-django (3.2).
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'lib')

from django.core.exceptions import FieldError  # noqa: E402
from django.db import connection, models, reset_queries  # noqa: E402
from django.db.models import Count, Prefetch  # noqa: E402


class City(models.Model):
    name = models.CharField(max_length=30)

    class Meta:
        app_label = 'lib'


class Place(models.Model):
    name = models.CharField(max_length=50)
    address = models.CharField(max_length=80)
    city = models.ForeignKey(City, on_delete=models.SET_NULL, null=True)

    class Meta:
        app_label = 'lib'


class Restaurant(Place):
    serves_pizza = models.BooleanField(default=False)
    seats = models.IntegerField(default=0)

    class Meta:
        app_label = 'lib'


class ItalianRestaurant(Restaurant):
    wood_oven = models.BooleanField(default=False)

    class Meta:
        app_label = 'lib'


class Review(models.Model):
    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name='reviews')
    stars = models.IntegerField()

    class Meta:
        app_label = 'lib'


class PlaceByName(Place):
    class Meta:
        app_label = 'lib'
        proxy = True
        ordering = ['name']

    def shout(self):
        return self.name.upper()


class Tag(models.Model):
    label = models.CharField(max_length=20)

    class Meta:
        app_label = 'lib'


class Content(models.Model):
    title = models.CharField(max_length=50)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name='%(class)s_items', null=True)

    class Meta:
        abstract = True
        ordering = ['-title']


class Article(Content):
    body = models.TextField(default='')

    class Meta(Content.Meta):
        app_label = 'lib'


class Video(Content):
    seconds = models.IntegerField(default=0)

    class Meta(Content.Meta):
        app_label = 'lib'


class Feature(models.Model):
    label = models.CharField(max_length=20)

    class Meta:
        app_label = 'lib'


class Venue(models.Model):
    name = models.CharField(max_length=20)
    features = models.ManyToManyField(Feature)

    class Meta:
        app_label = 'lib'


class Cafe(Venue):
    tables = models.IntegerField()

    class Meta:
        app_label = 'lib'


with connection.schema_editor() as s:
    for m in (City, Place, Restaurant, ItalianRestaurant, Review, Tag, Article, Video, Feature, Venue, Cafe):
        s.create_model(m)


def q(label, fn):
    reset_queries()
    v = fn()
    print('%s -> %r [%d queries]' % (label, v, len(connection.queries)))


# ----- abstract base -----
print('Article columns', [f.column for f in Article._meta.concrete_fields])
print('Article ordering', Article._meta.ordering)
news = Tag.objects.create(label='news')
q('Article.create', lambda: Article.objects.create(title='b', tag=news).pk)
Article.objects.create(title='a', tag=news)
Article.objects.create(title='c')
Video.objects.create(title='v', tag=news)
q('Article.all default ordering', lambda: [a.title for a in Article.objects.all()])
q('news.article_items', lambda: sorted(a.title for a in news.article_items.all()))
q('news.video_items', lambda: [v.title for v in news.video_items.all()])
q('Tag filter article_items__title', lambda: list(Tag.objects.filter(article_items__title='a').values_list('label', flat=True)))

# ----- multi-table -----
print('Restaurant columns', [f.column for f in Restaurant._meta.local_concrete_fields])
print('Restaurant pk', Restaurant._meta.pk.name, Restaurant._meta.pk.column)
print('ItalianRestaurant pk', ItalianRestaurant._meta.pk.name, ItalianRestaurant._meta.pk.column)
q('Place.create', lambda: Place.objects.create(name='park', address='1 Main').pk)
q('Restaurant.create', lambda: Restaurant.objects.create(name='luigi', address='2 Main', serves_pizza=True, seats=40).pk)
q('ItalianRestaurant.create', lambda: ItalianRestaurant.objects.create(name='mario', address='3 Main',
                                                                        serves_pizza=True, seats=20, wood_oven=True).pk)
Restaurant.objects.create(name='burger', address='4 Main', seats=60)
for name, stars in (('park', 3), ('luigi', 5), ('luigi', 4), ('mario', 5)):
    Review.objects.create(place=Place.objects.get(name=name), stars=stars)
q('Place.all names', lambda: sorted(p.name for p in Place.objects.all()))
q('Place types', lambda: [type(p).__name__ for p in Place.objects.order_by('name')])
q('Restaurant.all', lambda: [(r.name, r.address, r.serves_pizza, r.seats) for r in Restaurant.objects.order_by('name')])
q('Restaurant.filter(name)', lambda: [r.seats for r in Restaurant.objects.filter(name='luigi')])
q('Restaurant order -seats names', lambda: [r.name for r in Restaurant.objects.order_by('-seats')])
q('Restaurant.filter(address__startswith, serves_pizza)', lambda: sorted(
    r.name for r in Restaurant.objects.filter(address__startswith='2', serves_pizza=True)))
q('Restaurant filter reviews__stars=5', lambda: sorted(r.name for r in Restaurant.objects.filter(reviews__stars=5)))
q('Restaurant values', lambda: list(Restaurant.objects.order_by('name').values('name', 'seats')))
q('Restaurant values()', lambda: list(Restaurant.objects.filter(name='luigi').values()))
q('Restaurant count', lambda: Restaurant.objects.count())
q('Italian.all', lambda: [(r.name, r.seats, r.wood_oven) for r in ItalianRestaurant.objects.all()])
q('Place.filter(restaurant__serves_pizza)', lambda: sorted(
    p.name for p in Place.objects.filter(restaurant__serves_pizza=True)))
q('Place.filter(restaurant__isnull)', lambda: sorted(p.name for p in Place.objects.filter(restaurant__isnull=True)))
q('place.restaurant', lambda: Place.objects.get(name='luigi').restaurant.seats)
try:
    reset_queries()
    Place.objects.get(name='park').restaurant
except Restaurant.DoesNotExist as e:
    print('park.restaurant -> DoesNotExist %r [%d queries]' % (str(e), len(connection.queries)))
q('place.restaurant.italianrestaurant', lambda: Place.objects.get(name='mario').restaurant.italianrestaurant.wood_oven)
q('select_related restaurant', lambda: [(p.name, p.restaurant.seats) for p in
                                        Place.objects.select_related('restaurant').filter(restaurant__isnull=False).order_by('name')])
q('prefetch restaurant', lambda: [(p.name, getattr(getattr(p, 'restaurant', None), 'seats', None)) for p in
                                  Place.objects.prefetch_related('restaurant').order_by('name')])
q('Review select_related place', lambda: [(r.place.name, r.stars) for r in Review.objects.select_related('place').order_by('id')])
q('Restaurant annotate count reviews', lambda: [(r.name, r.n) for r in Restaurant.objects.annotate(n=Count('reviews')).order_by('name')])

def refused(label, fn):
    try:
        fn()
        print(label, '-> accepted')
    except FieldError as e:
        print(label, '-> FieldError', e)


# A child has no lookup of its parents' reverse sides of parent links (ChildLookupNamesTest).
refused('Restaurant filter restaurant__seats', lambda: list(Restaurant.objects.filter(restaurant__seats=40)))
refused('Restaurant order_by restaurant__seats', lambda: list(Restaurant.objects.order_by('restaurant__seats')))
refused('Restaurant values restaurant__seats', lambda: list(Restaurant.objects.values('restaurant__seats')))
refused('Restaurant annotate Count restaurant', lambda: list(Restaurant.objects.annotate(n=Count('restaurant'))))
refused('Italian filter restaurant__seats', lambda: list(ItalianRestaurant.objects.filter(restaurant__seats=40)))
refused('Italian filter italianrestaurant__wood_oven', lambda: list(
    ItalianRestaurant.objects.filter(italianrestaurant__wood_oven=True)))
refused('Restaurant select_related restaurant', lambda: list(Restaurant.objects.select_related('restaurant')))
refused('Italian select_related bogus', lambda: list(ItalianRestaurant.objects.select_related('bogus')))
q('Place filter restaurant__seats=40', lambda: [p.name for p in Place.objects.filter(restaurant__seats=40)])
q('Restaurant filter italianrestaurant__wood_oven', lambda: [r.name for r in
                                                             Restaurant.objects.filter(italianrestaurant__wood_oven=True)])
q('Restaurant filter place_ptr__restaurant__seats=40', lambda: [r.name for r in
                                                                Restaurant.objects.filter(place_ptr__restaurant__seats=40)])
# select_related of the parent link (ParentLinkLoadingTest): accepted, no join besides the parent's.
q('Restaurant select_related place_ptr', lambda: [(r.name, r.place_ptr.name, type(r.place_ptr).__name__) for r in
                                                  Restaurant.objects.select_related('place_ptr').order_by('name')])
print('select_related place_ptr SQL == all() SQL', str(Restaurant.objects.select_related('place_ptr').query)
      == str(Restaurant.objects.all().query))
for path in ('restaurant_ptr', 'restaurant_ptr__place_ptr', 'place_ptr'):
    q('Italian select_related ' + path, lambda: [(r.name, r.seats) for r in ItalianRestaurant.objects.select_related(path)])
q('Restaurant select_related place_ptr__bogus', lambda: len(Restaurant.objects.select_related('place_ptr__bogus')))
q('Restaurant prefetch_related place_ptr__reviews', lambda: [(r.name, sorted(x.stars for x in r.place_ptr.reviews.all()))
                                                             for r in Restaurant.objects.prefetch_related('place_ptr__reviews')
                                                             .order_by('name')])
q('Restaurant prefetch_related place_ptr', lambda: [(r.name, r.place_ptr.name) for r in
                                                    Restaurant.objects.prefetch_related('place_ptr').order_by('name')])

rome = City.objects.create(name='rome')
Place.objects.filter(name__in=['luigi', 'mario']).update(city=rome)
q('select_related city', lambda: [(r.name, r.city and r.city.name) for r in
                                  Restaurant.objects.select_related('city').order_by('name')])
q('Restaurant select_related place_ptr__city', lambda: [(r.name, r.city and r.city.name) for r in
                                                        Restaurant.objects.select_related('place_ptr__city').order_by('name')])
q('Italian filter city__name', lambda: [r.name for r in ItalianRestaurant.objects.filter(city__name='rome')])
Place.objects.filter(name='mario').update(city=None)
q('Restaurant prefetch_related city', lambda: [(r.name, r.city and r.city.name) for r in
                                               Restaurant.objects.prefetch_related('city').order_by('name')])
q('Italian prefetch_related city', lambda: [(r.name, r.city) for r in ItalianRestaurant.objects.prefetch_related('city')])
# A to_attr named like a parent's field: Django 3.2 finds the attribute already there and skips the prefetch
# without a word (r.city stays the City); Quarry refuses it, as it refuses a name of the model's own fields.
q('Restaurant Prefetch reviews to_attr=city', lambda: [(r.name, type(r.city).__name__) for r in Restaurant.objects
                                                       .prefetch_related(Prefetch('reviews', to_attr='city')).order_by('name')])
Place.objects.update(city=None)
q('restaurant.reviews', lambda: [r.stars for r in Restaurant.objects.get(name='luigi').reviews.order_by('id')])
q('prefetch reviews from restaurants', lambda: [(r.name, [x.stars for x in r.reviews.all()]) for r in
                                                Restaurant.objects.prefetch_related('reviews').order_by('name')])
q('update across tables', lambda: Restaurant.objects.filter(seats__gt=30).update(address='big', seats=61))
print('after update', list(Restaurant.objects.order_by('name').values_list('name', 'address', 'seats')))
Restaurant.objects.filter(name='luigi').update(address='2 Main', seats=40)
Restaurant.objects.filter(name='burger').update(address='4 Main', seats=60)


def save_existing():
    r = Restaurant.objects.get(name='burger')
    reset_queries()
    r.seats = 65
    r.address = '4b Main'
    r.save()
    return len(connection.queries)


print('save existing restaurant ->', save_existing(), 'queries')
print('after save', list(Restaurant.objects.filter(name='burger').values('address', 'seats')))


def save_new():
    reset_queries()
    r = Restaurant(name='taco', address='5 Main', seats=10)
    r.save()
    return len(connection.queries), r.pk, r.id, r.place_ptr_id


print('save new restaurant ->', save_new())
try:
    Restaurant.objects.bulk_create([Restaurant(name='x', address='y')])
except ValueError as e:
    print('bulk_create ->', e)


def delete_restaurant():
    r = Restaurant.objects.get(name='luigi')
    reset_queries()
    out = r.delete()
    return out, len(connection.queries), r.pk, r.id


print('delete restaurant ->', delete_restaurant())
print('rows after', sorted(Place.objects.values_list('name', flat=True)), Review.objects.count())


def delete_place():
    p = Place.objects.get(name='mario')
    reset_queries()
    return p.delete(), len(connection.queries)


print('delete place of italian ->', delete_place())
print('qs delete ->', Restaurant.objects.filter(name='taco').delete())
print('rows after 2', sorted(Place.objects.values_list('name', flat=True)), Restaurant.objects.count())

# ----- proxy -----
q('PlaceByName.all', lambda: [(type(p).__name__, p.shout()) for p in PlaceByName.objects.all()])
q('Place.all default order', lambda: [p.name for p in Place.objects.all()])
q('PlaceByName.create', lambda: PlaceByName.objects.create(name='zoo', address='9 Main').pk)
q('Place count after proxy create', lambda: Place.objects.count())
q('PlaceByName filter reviews', lambda: [p.name for p in PlaceByName.objects.filter(reviews__stars__gte=3)])
q('PlaceByName filter restaurant', lambda: [p.name for p in PlaceByName.objects.filter(restaurant__isnull=False)])
print('proxy delete ->', PlaceByName.objects.filter(name='zoo').delete())
print('proxy instance delete ->', PlaceByName.objects.get(name='park').delete())
print('PlaceByName proxy', PlaceByName._meta.proxy, PlaceByName._meta.db_table, PlaceByName._meta.concrete_model.__name__)

print('proxy == concrete', PlaceByName.objects.get(name='burger') == Place.objects.get(name='burger'),
      'child == parent', Restaurant.objects.get(name='burger') == Place.objects.get(name='burger'))

try:
    class Shadowing(Place):
        name = models.CharField(max_length=10)

        class Meta:
            app_label = 'lib'
except Exception as e:  # noqa: BLE001
    print('child field named as a parent field ->', type(e).__name__, e)

# ParentRelationsPrefetchTest: a child prefetches (and filters on) the many-to-many its parent declares.
wifi, garden = Feature.objects.create(label='wifi'), Feature.objects.create(label='garden')
Venue.objects.create(name='hall').features.add(garden)
Cafe.objects.create(name='bean', tables=6).features.add(wifi, garden)
Cafe.objects.create(name='cup', tables=2)
q('Cafe prefetch_related features', lambda: [(c.name, sorted(f.label for f in c.features.all())) for c in
                                             Cafe.objects.prefetch_related('features').order_by('name')])
q('Cafe filter features__label', lambda: list(Cafe.objects.filter(features__label='wifi').values_list('name', flat=True)))
