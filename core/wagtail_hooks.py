from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .admin_guide import EditorGuideView
from .admin_menu import CONTENT_MENU_HOOK, NamedUrlMenuItem, content_menu_item
from .dashboard import PendingWorkPanel, pending_work_list
from .drafts import autosaved_draft_forget, autosaved_draft_give_way, autosaved_draft_record
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
        path("guide/", EditorGuideView.as_view(), name="admin-guide"),
    ]


@hooks.register("register_user_listing_buttons")
def colleague_account_buttons(user, request_user):
    return colleague_buttons(user=user, request_user=request_user)


# --- Help: our editor's guide, in French, instead of Wagtail's English ones -------------

WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("register_help_menu_item")
def editor_guide_menu_item():
    return MenuItem("Guide de l'éditeur", reverse("admin-guide"), name="guide", icon_name="help")


@hooks.register("construct_help_menu")
def hide_wagtail_guides(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


# --- « Contenus » and « À traiter » --------------------------------------------------


@hooks.register("register_admin_menu_item")
def register_content_menu():
    return content_menu_item()


@hooks.register(CONTENT_MENU_HOOK)
def events_content_menu_item():
    # The agenda's listing (events' own viewset): named, as core imports no app.
    return NamedUrlMenuItem(
        "Événements", "evenements:index", name="evenements", icon_name="date", order=500
    )


@hooks.register("construct_homepage_panels")
def pending_work_panel(request, panels):
    works = pending_work_list(user=request.user)
    if works is not None:
        panels.append(PendingWorkPanel(works=works))


# --- New pages that autosave created: abandoned, they block nothing (core/drafts.py) ---


def _is_autosave(request) -> bool:
    # Wagtail's autosave asks for JSON; the editor's own clicks ask for a page.
    return not request.accepts("text/html")


@hooks.register("before_create_page")
def abandoned_drafts_give_way(request, parent_page, page_class):
    if request.method == "POST":
        slug = request.POST.get("slug") or request.POST.get("title", "")
        autosaved_draft_give_way(parent=parent_page, slug=slug, user=request.user)


@hooks.register("after_create_page")
def record_autosaved_page(request, page):
    if _is_autosave(request) and not page.live:
        autosaved_draft_record(page=page, user=request.user)


@hooks.register("after_edit_page")
def forget_saved_page(request, page):
    if not _is_autosave(request):
        autosaved_draft_forget(page=page)


@hooks.register("after_publish_page")
def forget_published_page(request, page):
    autosaved_draft_forget(page=page)


@hooks.register("insert_global_admin_js")
def widget_names():
    return format_html('<script src="{}"></script>', static("core/admin/widget-names.js"))
