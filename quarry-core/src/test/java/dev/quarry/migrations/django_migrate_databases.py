# Django 3.2 facts for migrate --database with a router, --fake-initial and squashed migrations, on
# SQLite files in a temporary project. Run: /usr/bin/python3 django_migrate_databases.py
# MigrateDatabasesTest, FakeInitialTest and SquashTest cite the printed facts by name.
import io
import os
import sys
import tempfile

import django
from django.conf import settings

root = tempfile.mkdtemp()
app_dir = os.path.join(root, 'shop')
os.makedirs(os.path.join(app_dir, 'migrations'))
open(os.path.join(app_dir, '__init__.py'), 'w').close()
open(os.path.join(app_dir, 'migrations', '__init__.py'), 'w').close()
MODELS_V1 = '''
from django.db import models
class Shelf(models.Model):
    label = models.CharField(max_length=30)
class Gadget(models.Model):
    name = models.CharField(max_length=30)
'''
with open(os.path.join(app_dir, 'models.py'), 'w') as f:
    f.write(MODELS_V1)
sys.path.insert(0, root)


class ArchiveRouter:
    def allow_migrate(self, db, app_label, model_name=None, **hints):
        if model_name is None:
            return None
        return (db == 'archive') == (model_name == 'gadget')


sys.modules['routers'] = type(sys)('routers')
sys.modules['routers'].ArchiveRouter = ArchiveRouter
settings.configure(
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(root, 'default.db')},
               'archive': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(root, 'archive.db')},
               'legacy': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.path.join(root, 'legacy.db')}},
    INSTALLED_APPS=['shop'], DATABASE_ROUTERS=['routers.ArchiveRouter'],
    DEFAULT_AUTO_FIELD='django.db.models.AutoField', USE_TZ=False)
django.setup()
from django.core.management import call_command
from django.db import connections

quiet = io.StringIO()
call_command('makemigrations', 'shop', stdout=quiet)


def tables(alias):
    return sorted(t for t in connections[alias].introspection.table_names() if t.startswith('shop_'))


def history(alias):
    with connections[alias].cursor() as c:
        c.execute("SELECT name FROM django_migrations WHERE app = 'shop' ORDER BY name")
        return [r[0] for r in c.fetchall()]


call_command('migrate', 'shop', database='default', stdout=quiet)
call_command('migrate', 'shop', database='archive', stdout=quiet)
# Each database gets the tables its router allows, and both record the migration in their own history.
print('default_tables:', tables('default'), 'history:', history('default'))
print('archive_tables:', tables('archive'), 'history:', history('archive'))

# --fake-initial: legacy has the tables already (made by hand); the initial migration is recorded, not run.
with connections['legacy'].cursor() as c:
    c.execute('CREATE TABLE shop_shelf (id integer PRIMARY KEY AUTOINCREMENT, label varchar(30) NOT NULL)')
    c.execute('CREATE TABLE shop_gadget (id integer PRIMARY KEY AUTOINCREMENT, name varchar(30) NOT NULL)')
    c.execute("INSERT INTO shop_shelf (label) VALUES ('oak')")
try:
    call_command('migrate', 'shop', database='legacy', stdout=quiet, stderr=quiet)
    print('legacy_plain_migrate: applied')
except Exception as e:
    print('legacy_plain_migrate:', type(e).__name__)
out = io.StringIO()
call_command('migrate', 'shop', database='legacy', fake_initial=True, stdout=out)
print('legacy_fake_initial:', [l.strip() for l in out.getvalue().splitlines() if 'shop.' in l],
      'history:', history('legacy'))

# Squashing: 0002 adds a field, 0003 removes it; squash 0001-0003 on a database that applied 0001 only.
for name, dep, op in [('0002_size', '0001_initial',
                       "migrations.AddField('shelf', 'size', models.IntegerField(default=0))"),
                      ('0003_no_size', '0002_size', "migrations.RemoveField('shelf', 'size')")]:
    with open(os.path.join(app_dir, 'migrations', name + '.py'), 'w') as f:
        f.write('from django.db import migrations, models\n\n\nclass Migration(migrations.Migration):\n'
                '    dependencies = [(\'shop\', \'%s\')]\n    operations = [%s]\n' % (dep, op))
call_command('squashmigrations', 'shop', '0003', interactive=False, stdout=quiet)
squashed = [n for n in os.listdir(os.path.join(app_dir, 'migrations')) if 'squashed' in n][0]
from importlib import import_module
mod = import_module('shop.migrations.' + squashed[:-3])
print('squashed_operations:', [type(o).__name__ for o in mod.Migration.operations],
      'replaces:', [n for _, n in mod.Migration.replaces])
from django.db.migrations.loader import MigrationLoader
# default applied 0001 only: partly applied, so the replaced migrations are used and the squashed one is not.
loader = MigrationLoader(connections['default'])
print('partly_applied_nodes:', sorted(n for a, n in loader.graph.nodes if a == 'shop'))
call_command('migrate', 'shop', database='default', stdout=quiet)
loader = MigrationLoader(connections['default'])
print('all_applied_nodes:', sorted(n for a, n in loader.graph.nodes if a == 'shop'),
      'squashed_counts_as_applied:', ('shop', squashed[:-3]) in loader.applied_migrations)
# A fresh database: applying the squashed migration records it and the ones it replaces.
fresh = 'fresh'
connections.databases[fresh] = dict(connections.databases['legacy'], NAME=os.path.join(root, 'fresh.db'))
call_command('migrate', 'shop', database=fresh, stdout=quiet)
print('fresh_history:', history(fresh))
