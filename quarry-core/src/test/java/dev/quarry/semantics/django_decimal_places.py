"""How Django hands back a DecimalField's values on SQLite (FieldTypesTest.decimalsComeBackWithTheFieldsPlaces).

Run with /usr/bin/python3 and Debian's python3-django (3.2); checked on 2026-12-03 with Django 5.2.17
(3.2 was not installed on that machine). Facts relied on: SQLite stores 12.50 in a decimal column as the
REAL 12.5 and 12.00 as the INTEGER 12, and Django quantizes what it reads to the field's decimal places,
for instances and for values(): Decimal('12.50') and Decimal('12.00').
"""
import django
from django.conf import settings

settings.configure(INSTALLED_APPS=['__main__'],
                   DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}})
django.setup()

from decimal import Decimal  # noqa: E402

from django.db import connection, models  # noqa: E402


class Gadget(models.Model):
    price = models.DecimalField(max_digits=8, decimal_places=2)

    class Meta:
        app_label = '__main__'


with connection.schema_editor() as editor:
    editor.create_model(Gadget)
Gadget.objects.create(price=Decimal('12.50'))
Gadget.objects.create(price=Decimal('12'))
with connection.cursor() as c:
    c.execute('SELECT price, typeof(price) FROM __main___gadget ORDER BY id')
    print('stored', c.fetchall())
print('instances', [str(g.price) for g in Gadget.objects.order_by('id')])
print('values_list', [str(p) for p in Gadget.objects.order_by('id').values_list('price', flat=True)])
