# Django 3.2 facts for the migration operations Quarry added in issue 11 (checks, unique_together,
# squashing's optimiser, fake-initial). Run: /usr/bin/python3 django_migration_ops.py
# Each fact is printed as "name: value"; the Java tests cite them by name.
import os
import sys

sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
import django_memory  # noqa: E402

django_memory.setup(__file__, 'shop', debug=False)

from django.conf import settings
from django.db import IntegrityError, connection, migrations, models, transaction
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.optimizer import MigrationOptimizer
from django.db.migrations.questioner import NonInteractiveMigrationQuestioner
from django.db.migrations.state import ModelState, ProjectState


def fields():
    return [('id', models.AutoField(primary_key=True)), ('name', models.CharField(max_length=30)),
            ('maker', models.CharField(max_length=30)), ('price', models.IntegerField(default=0))]


def state(options):
    s = ProjectState()
    s.add_model(ModelState('shop', 'Gadget', fields(), options))
    return s


def detect(before, after):
    changes = MigrationAutodetector(before, after, NonInteractiveMigrationQuestioner())._detect_changes()
    return [type(op).__name__ for m in changes.get('shop', []) for op in m.operations]


check = models.CheckConstraint(check=models.Q(price__gte=0), name='gadget_price_nonneg')
full = {'constraints': [check], 'unique_together': {('name', 'maker')}}
# Adding both to an existing model: one AddConstraint and one AlterUniqueTogether.
print('detect_add_check_and_unique_together:', detect(state({}), state(full)))
print('detect_remove_both:', detect(state(full), state({})))
# A new model with both: CreateModel, then the constraint and the unique_together as their own operations
# (3.2 puts unique_together in CreateModel's options; constraints likewise) -> printed for the record.
print('detect_new_model:', detect(ProjectState(), state(full)))


class Gadget(models.Model):
    name = models.CharField(max_length=30)
    maker = models.CharField(max_length=30)
    price = models.IntegerField(default=0)

    class Meta:
        app_label = 'shop'
        constraints = [check]
        unique_together = [('name', 'maker')]


with connection.schema_editor() as editor:
    editor.create_model(Gadget)
Gadget.objects.create(name='lamp', maker='acme', price=5)
for label, values in [('negative_price', dict(name='desk', maker='acme', price=-1)),
                      ('duplicate_pair', dict(name='lamp', maker='acme', price=7))]:
    try:
        with transaction.atomic():
            Gadget.objects.create(**values)
        print(label + ':', 'saved')
    except IntegrityError:
        print(label + ':', 'IntegrityError')
print('same_name_other_maker:', Gadget.objects.create(name='lamp', maker='other').pk is not None)
print('rows:', Gadget.objects.count())

# The optimiser squashmigrations uses.
opt = MigrationOptimizer()
ops = [migrations.CreateModel('Shelf', [('id', models.AutoField(primary_key=True))]),
       migrations.AddField('Shelf', 'label', models.CharField(max_length=30, default='')),
       migrations.AddField('Shelf', 'size', models.IntegerField(default=0)),
       migrations.RemoveField('Shelf', 'size')]
out = opt.optimize(ops, 'shop')
print('optimized_create_add_add_remove:', [type(o).__name__ for o in out],
      [name for name, _ in out[0].fields])
ops2 = [migrations.AddField('Shelf', 'depth', models.IntegerField(null=True)),
        migrations.RemoveField('Shelf', 'depth')]
print('optimized_add_remove:', [type(o).__name__ for o in opt.optimize(ops2, 'shop')])
ops3 = [migrations.CreateModel('Box', [('id', models.AutoField(primary_key=True))]), migrations.DeleteModel('Box')]
print('optimized_create_delete:', [type(o).__name__ for o in opt.optimize(ops3, 'shop')])

# full_clean() checks unique_together with one query (validate_unique) and names the fields in words.
from django.core.exceptions import ValidationError
from django.db import reset_queries
settings.DEBUG = True
reset_queries()
dup = Gadget(name='lamp', maker='acme', price=1)
try:
    dup.full_clean()
except ValidationError as e:
    print('full_clean_unique_together:', e.message_dict)
print('full_clean_queries:', len(connection.queries))
try:
    Gadget(name='desk', maker='acme', price=-1).full_clean()
    print('full_clean_check: passes (Django 3.2 does not validate CheckConstraint in full_clean)')
except ValidationError as e:
    print('full_clean_check:', e.message_dict)
