import django_filters
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.viewsets.pages import PageListingViewSet

from core.home import HOME_SECTION_HOOK, HomeSection
from core.search import SEARCH_GROUP_HOOK, SearchGroup, page_search

from . import demo
from .models import EventFormat, EventPage, EventRegistration, EventStatus
from .selectors import event_list_upcoming

HOME_EVENTS = 3


class EventAdminFilterSet(PageListingViewSet.filterset_class):
    period = django_filters.ChoiceFilter(
        label="Période",
        choices=[("a_venir", "À venir"), ("passes", "Passés")],
        method="filter_period",
        empty_label="Tous",
    )
    start = django_filters.DateFromToRangeFilter(
        label="Date de l'événement", widget=DateRangePickerWidget
    )
    event_status = django_filters.ChoiceFilter(
        label="Statut de l'événement", field_name="status", choices=EventStatus.choices
    )
    event_format = django_filters.ChoiceFilter(label="Format", choices=EventFormat.choices)

    class Meta:
        model = EventPage
        fields = ["period", "start", "event_status", "event_format", "organiser"]

    def filter_period(self, queryset, name, value):
        # A series is upcoming until its last date is over.
        if value == "a_venir":
            return queryset.filter(pk__in=EventPage.objects.upcoming().values("pk"))
        if value == "passes":
            return queryset.filter(pk__in=EventPage.objects.past().values("pk"))
        return queryset


class EventPageListingViewSet(PageListingViewSet):
    """« Événements » in the admin menu: every event, with its date, status and format."""

    model = EventPage
    icon = "date"
    menu_label = "Événements"
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = EventAdminFilterSet
    columns = [
        *PageListingViewSet.columns,
        Column("when", label="Date", sort_key="start"),
        Column("event_status", label="Statut de l'événement", accessor="get_status_display"),
        Column("event_format", label="Format", accessor="get_event_format_display"),
    ]


class EventRegistrationViewSet(ModelViewSet):
    """« Inscriptions »: who registered on the site, for which date, confirmed or waiting."""

    model = EventRegistration
    icon = "group"
    menu_label = "Inscriptions"
    menu_order = 251
    add_to_admin_menu = True
    list_display = ["name", "email", "organisation", "event", "occurrence", "status", "created_at"]
    list_filter = ["status", "event"]
    list_export = ["name", "email", "organisation", "event", "occurrence", "status", "created_at"]
    search_fields = ["name", "email", "organisation"]
    form_fields = ["status"]


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventPageListingViewSet("evenements")


@hooks.register("register_admin_viewset")
def register_registrations():
    return EventRegistrationViewSet("inscriptions-evenements")


@hooks.register(HOME_SECTION_HOOK)
def agenda_section(*, request, home_page):
    events = list(event_list_upcoming(limit=HOME_EVENTS))
    if not events:
        return None
    first = events[0]
    return HomeSection(
        template="events/home/agenda.html",
        # After the concept of the month, as in the newsletter's « À vos agendas ! ».
        order=60,
        # An event's URL is its agenda's URL and its slug: no query for the agenda page.
        context={"events": events, "agenda_url": first.url.removesuffix(f"{first.slug}/")},
    )


@hooks.register(SEARCH_GROUP_HOOK)
def events_search_group():
    return SearchGroup(key="agenda", label="Agenda", order=50, search=page_search(EventPage))


# The demo content of this app, found by ``manage.py load_demo_content`` in this order.
hooks.register("load_demo_content", demo.load, order=30)
