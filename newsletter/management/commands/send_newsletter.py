from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from newsletter import services
from newsletter.models import DispatchStatus, NewsletterIssuePage
from newsletter.months import parse_month
from newsletter.selectors import issue_get_dispatch, issue_send_progress


class Command(BaseCommand):
    help = (
        "Envoie la lettre d'un mois (AAAA-MM) aux abonnés, ou reprend un envoi interrompu : "
        "personne ne la reçoit deux fois."
    )

    def add_arguments(self, parser):
        parser.add_argument("month", help="Le mois, au format AAAA-MM.")
        parser.add_argument(
            "--reprendre",
            action="store_true",
            help="Après l'arrêt d'un worker : reprendre tout de suite les destinataires qu'il "
            "n'a pas envoyés (à n'utiliser que si aucun worker n'envoie cette lettre).",
        )

    def handle(self, *args, month, reprendre=False, **options):
        try:
            issue = NewsletterIssuePage.objects.get(month=parse_month(month))
        except (ValueError, NewsletterIssuePage.DoesNotExist) as error:
            raise CommandError(f"Aucune lettre pour « {month} ».") from error
        dispatch = issue_get_dispatch(issue=issue)
        if dispatch is None or dispatch.status in (
            DispatchStatus.SCHEDULED,
            DispatchStatus.CANCELLED,
        ):
            services.dispatch_schedule(issue=issue, at=timezone.now())
            services.dispatch_start(issue_id=issue.pk)
        if reprendre:
            services.dispatch_release_claims(issue_id=issue.pk)
        dispatch = issue_get_dispatch(issue=issue)
        for chunk in range(dispatch.chunk_count):
            try:
                services.dispatch_send_chunk(issue_id=issue.pk, chunk=chunk)
            except services.TransientFailure as error:
                raise CommandError(f"Envoi interrompu ({error}) : relancez la commande.") from error
        progress = issue_send_progress(issue=issue)
        self.stdout.write(
            self.style.SUCCESS(
                f"{progress.sent} envoyé(s) sur {progress.total}, {progress.failed} échec(s), "
                f"{progress.bounced} adresse(s) en erreur, {progress.pending} en attente."
            )
        )
