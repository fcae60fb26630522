"""« Préciser mon besoin » confirms the sender's address before anything is sent."""

from django.db import migrations, models
from django.db.models import F


def requests_sent_before_were_received(apps, schema_editor):
    # They reached the team under the former flow: they count as confirmed.
    NeedRequest = apps.get_model("contributions", "NeedRequest")
    NeedRequest.objects.filter(confirmed_at__isnull=True).update(confirmed_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("contributions", "0002_moderators_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="needrequest",
            name="confirmed_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="adresse confirmée le"),
        ),
        migrations.AlterField(
            model_name="needrequest",
            name="status",
            field=models.CharField(
                choices=[
                    ("a_confirmer", "Adresse e-mail à confirmer"),
                    ("nouveau", "Nouveau"),
                    ("en_cours", "En cours"),
                    ("traite", "Traité"),
                ],
                default="a_confirmer",
                max_length=11,
                verbose_name="statut",
            ),
        ),
        migrations.RunPython(requests_sent_before_were_received, migrations.RunPython.noop),
    ]
