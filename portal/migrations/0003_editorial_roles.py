"""Editorial roles, section collections and the two moderation workflows (``portal.editorial``)."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations


def forward(apps, schema_editor):
    # Permissions are normally created after the last migration; the groups need them now.
    for app_config in global_apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    from portal.editorial import setup_roles

    setup_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_seed_taxonomy"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
