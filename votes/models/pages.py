from core.models import SectionIndexPage


class VoteIndexPage(SectionIndexPage):
    """/votes/: the campaigns on the themes of the projets partagés and their tallies."""

    empty_message = "Aucune campagne de vote n'est ouverte pour le moment."
    subpage_types = []

    class Meta:
        verbose_name = "page des votes"

    def get_context(self, request, *args, **kwargs):
        from votes.selectors import vote_index_context

        context = super(SectionIndexPage, self).get_context(request, *args, **kwargs)
        context.update(vote_index_context())
        context["empty_message"] = self.empty_message
        return context
