from django.db import migrations

from core.fulltext import create_search_configuration


class Migration(migrations.Migration):
    dependencies = [("core", "0002_editorial_permissions")]

    operations = [
        migrations.RunPython(create_search_configuration, migrations.RunPython.noop, elidable=False)
    ]
