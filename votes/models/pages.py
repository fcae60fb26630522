from core.models import SectionIndexPage

from .campaigns import Campaign
from .projects import SharedProjectIndexPage


class VoteIndexPage(SectionIndexPage):
    """/votes/: the campaigns on the themes of the projets partagés and their tallies."""

    empty_message = "Aucune campagne de vote n'est ouverte pour le moment."
    subpage_types = []

    class Meta:
        verbose_name = "page des votes"

    def get_context(self, request, *args, **kwargs):
        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        campaigns = Campaign.objects.by_status()
        context.update(
            open_campaigns=campaigns["open"],
            upcoming_campaigns=campaigns["upcoming"],
            closed_campaigns=campaigns["closed"],
            shared_projects_index=SharedProjectIndexPage.objects.live().public().first(),
            empty_message=self.empty_message,
        )
        return context
