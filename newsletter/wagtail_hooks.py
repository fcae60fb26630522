import django_filters
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets import Button
from wagtail.snippets.views.snippets import SnippetViewSet

from core.home import HOME_SECTION_HOOK, HomeSection

from . import admin_views, demo
from .admin_forms import SubscriberAdminForm
from .forms import HOME_WORDING
from .models import (
    NewsletterIssuePage,
    Subscriber,
    SubscriberKind,
    SubscriberStatus,
)
from .selectors import newsletter_page_get


@hooks.register(HOME_SECTION_HOOK)
def newsletter_call(*, request, home_page):
    page = newsletter_page_get()
    if page is None:
        return None
    return HomeSection(
        template="newsletter/home/call.html",
        order=90,
        context={"page": page, "wording": HOME_WORDING},
    )


class IssueAdminViewSet(ViewSet):
    """Lettres: assemble an issue, preview it, test it, send it, follow the sending."""

    name = "newsletter_admin"
    url_prefix = "newsletter"
    icon = "mail"
    menu_label = "Lettres"
    menu_name = "lettres"

    def get_urlpatterns(self):
        return [
            path("", admin_views.IssueIndexView.as_view(), name="index"),
            path("assembler/", admin_views.assemble, name="assemble"),
            path("<int:issue_id>/", admin_views.IssueSendView.as_view(), name="send"),
            path("<int:issue_id>/progression/", admin_views.progress, name="progress"),
            path("<int:issue_id>/apercu/<str:mode>/", admin_views.preview, name="preview"),
        ]


class SubscriberFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label="État", choices=SubscriberStatus.choices)
    kind = django_filters.ChoiceFilter(label="Profil", choices=SubscriberKind.choices)
    paused = django_filters.BooleanFilter(label="Envois suspendus")

    class Meta:
        model = Subscriber
        fields = ["status", "kind", "paused"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "user"
    menu_label = "Abonnés"
    menu_name = "abonnes"
    list_display = ["email", "name", "organisation", "kind", "status", "paused", "bounced_at"]
    list_per_page = 50
    filterset_class = SubscriberFilterSet
    search_fields = ["email", "name", "organisation"]
    ordering = ["-created_at"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            *Subscriber.panels,
            FieldPanel("unsubscribe"),
            HelpPanel(
                template="newsletter/admin/consent_history.html",
                heading="Historique des consentements",
            ),
        ],
        base_form_class=SubscriberAdminForm,
    )


class NewsletterViewSetGroup(ViewSetGroup):
    items = (IssueAdminViewSet, SubscriberViewSet)
    menu_icon = "mail"
    # A context of our own: Wagtail's catalogue would say « Lettre d'information ».
    menu_label = "Newsletter"
    menu_name = "newsletter"
    menu_order = 250


@hooks.register("register_admin_viewset")
def register_newsletter_admin():
    return NewsletterViewSetGroup()


def _send_button(page, priority):
    if not issubclass(page.specific_class or type(page), NewsletterIssuePage):
        return []
    return [
        Button(
            "Aperçu et envoi",
            reverse("newsletter_admin:send", args=[page.pk]),
            icon_name="mail",
            priority=priority,
        )
    ]


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page, user, view_name, next_url=None):
    return _send_button(page, priority=5)


@hooks.register("register_page_listing_buttons")
def issue_listing_buttons(page, user, next_url=None):
    return _send_button(page, priority=5)


@hooks.register("before_copy_page")
def refuse_copying_issues(request, page):
    # An issue belongs to its month: a copy would be a second issue of the same month.
    if issubclass(page.specific_class or type(page), NewsletterIssuePage):
        messages.error(
            request, "Une lettre ne se copie pas : assemblez plutôt la lettre d'un autre mois."
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return None


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=70)
