from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0006_search_titles"),
    ]

    operations = [
        migrations.AddField(
            model_name="agendapack",
            name="render_keys",
            field=models.JSONField(blank=True, default=list),
        ),
    ]
