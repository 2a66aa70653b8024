from django.db import migrations

from portal import taxonomy


def seed(apps, schema_editor):
    def upsert(model_name, rows):
        model = apps.get_model("portal", model_name)
        for order, row in enumerate(rows, start=1):
            code, label, *rest = row
            defaults = {"label": label, "sort_order": order * 10}
            if rest:
                defaults["isced"] = rest[0]
            model.objects.update_or_create(code=code, defaults=defaults)

    upsert("EducationalLevel", taxonomy.EDUCATIONAL_LEVELS)
    upsert("Topic", taxonomy.TOPICS)
    upsert("ResourceType", taxonomy.RESOURCE_TYPES)
    upsert("Audience", taxonomy.AUDIENCES)


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
