from django.urls import path
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ContentPage, Partner
from .search import SEARCH_GROUP_HOOK, SearchGroup, page_search
from .two_factor_admin import ResetSecondFactorView, UnlockLoginView, colleague_buttons


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = "Partenaires"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "full_name", "is_founder", "sort_order"]
    list_filter = ["is_founder"]
    search_fields = ["name", "full_name"]
    ordering = ["sort_order", "name"]


register_snippet(PartnerViewSet)


@hooks.register(SEARCH_GROUP_HOOK)
def pages_search_group():
    return SearchGroup(
        key="pages", label="Pages du site", order=90, search=page_search(ContentPage)
    )


@hooks.register("register_admin_urls")
def colleague_account_urls():
    # Not under /admin/2fa/: these pages need a verified second factor like any other.
    return [
        path(
            "comptes/<int:user_id>/double-authentification/",
            ResetSecondFactorView.as_view(),
            name="admin-2fa-reset",
        ),
        path(
            "comptes/<int:user_id>/debloquer/",
            UnlockLoginView.as_view(),
            name="admin-login-unlock",
        ),
    ]


@hooks.register("register_user_listing_buttons")
def colleague_account_buttons(user, request_user):
    return colleague_buttons(user=user, request_user=request_user)
