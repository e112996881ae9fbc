"""Configures Django 3.2 for a differential script: apps made in memory, SQLite in memory by default.

A script beside the tests (quarry-core/src/test/java/dev/quarry/X/ or src/test/resources/dev/quarry/X/) reaches
this folder as '../../../../python' and stays runnable as `/usr/bin/python3 path/to/script.py`:

    import os
    import sys

    sys.path.append(os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', '..', 'python'))
    import django_memory  # noqa: E402

    django_memory.setup(__file__, 'lib')

    from django.db import connection, models  # noqa: E402  (Django is set up only now)

The models are then defined in the script with `class Meta: app_label = 'lib'`. Needs Debian's python3-django (3.2).
"""
import os
import sys
import types

import django
from django.conf import settings

# The database every script without `databases` gets: SQLite in memory, gone when the script ends.
SQLITE_MEMORY = {'ENGINE': 'django.db.backends.sqlite3', 'NAME': ':memory:'}


def setup(script, *apps, databases=None, debug=True, use_tz=False, **extra):
    """Registers each app label as an in-memory module, configures the settings and calls django.setup().

    script: the calling script's __file__; each app's module lives in its folder (no models.py is read: the
        script defines the models itself, and an installed app is what gives them reverse relations).
    apps: the app labels to install, none for models that need no installed app.
    databases: Django's DATABASES (SQLITE_MEMORY for an SQLite one in memory); by default {'default': SQLITE_MEMORY}.
    debug: DEBUG, True so that connection.queries records every query (reset_queries() between facts).
    use_tz: USE_TZ, False by default: instants are stored naive, as Quarry stores them.
    extra: any other setting, passed to settings.configure() as it is.
    """
    here = os.path.dirname(os.path.abspath(script))
    for label in apps:
        module = types.ModuleType(label)
        module.__file__ = os.path.join(here, '__init__.py')
        module.__path__ = [here]
        sys.modules[label] = module
    # Copies: Django fills in the defaults of each database's dict, and SQLITE_MEMORY stays as it is.
    databases = {alias: dict(conf) for alias, conf in (databases or {'default': SQLITE_MEMORY}).items()}
    settings.configure(DEBUG=debug, DATABASES=databases, INSTALLED_APPS=list(apps), USE_TZ=use_tz,
                       DEFAULT_AUTO_FIELD='django.db.models.AutoField', **extra)
    django.setup()
