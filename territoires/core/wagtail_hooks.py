from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "full_name", "is_founder", "sort_order"]
    list_filter = ["is_founder"]
    search_fields = ["name", "full_name"]
    ordering = ["sort_order", "name"]


register_snippet(PartnerViewSet)
