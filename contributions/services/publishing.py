"""What an approved contribution becomes: a published resource, event or project page."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model

from events.models import EventIndexPage, EventPage, EventStatus
from resources.models import Resource, ResourceKind
from themes.models import ProjectIndexPage, ProjectPage

from ..models import Contribution
from .errors import ModerationError


def _text_paragraphs(text: str) -> list[dict]:
    """Plain text as rich-text paragraphs, every character escaped."""
    blocks = []
    for paragraph in (text or "").replace("\r\n", "\n").split("\n\n"):
        lines = [escape(line.strip()) for line in paragraph.split("\n") if line.strip()]
        if lines:
            blocks.append({"type": "paragraph", "value": "<p>" + "<br/>".join(lines) + "</p>"})
    return blocks


def _credit_of(contribution: Contribution) -> str:
    return (contribution.credit or contribution.default_credit())[:250]


def _publish_resource(contribution: Contribution, *, user) -> Resource:
    if not contribution.url and not contribution.document:
        raise ModerationError("Une ressource a besoin d'un lien ou d'un document.")
    resource = Resource(
        title=contribution.title,
        kind=contribution.resource_kind or ResourceKind.ARTICLE,
        summary=contribution.summary,
        url=contribution.url,
        published_on=timezone.localdate(),
        contributed_by=_credit_of(contribution),
        live=False,
    )
    if contribution.document:
        resource.document = _published_document(contribution, user=user)
    resource.themes.set(list(contribution.themes.all()))
    resource.save()
    resource.save_revision(user=user).publish(user=user)
    resource.refresh_from_db()  # publishing works on a copy: read back « live »
    return resource


def _published_document(contribution: Contribution, *, user):
    """A Wagtail document copied from the private upload, now public with the resource."""
    Document = get_document_model()
    with contribution.document.open("rb") as uploaded:
        document = Document(title=contribution.title[:255], uploaded_by_user=user)
        document.file.save(contribution.document_name, File(uploaded), save=False)
    if hasattr(document, "_set_document_file_metadata"):
        document._set_document_file_metadata()
    document.save()
    return document


def _publish_event(contribution: Contribution, *, user):
    agenda = EventIndexPage.objects.first()
    if agenda is None:
        raise ModerationError("Le site n'a pas d'agenda où publier l'événement.")
    if contribution.start is None:
        raise ModerationError("Indiquez la date de début de l'événement.")
    page = EventPage(
        title=contribution.title,
        summary=contribution.summary[:400],
        body=_text_paragraphs(contribution.description),
        start=contribution.start,
        end=contribution.end,
        all_day=contribution.all_day,
        event_format=contribution.event_format or "presentiel",
        status=EventStatus.SCHEDULED,
        venue=contribution.venue,
        address=contribution.address,
        city=contribution.city,
        departement=contribution.departement,
        online_url=contribution.online_url,
        registration_url=contribution.registration_url,
        organiser_name=contribution.organiser_name or contribution.organisation,
        contributed_by=_credit_of(contribution),
    )
    return _publish_page(agenda, page, contribution, user=user)


def _publish_project(contribution: Contribution, *, user):
    index = ProjectIndexPage.objects.first()
    if index is None:
        raise ModerationError("Le site n'a pas de page « Projets » où publier le projet.")
    page = ProjectPage(
        title=contribution.title,
        intro=contribution.summary,
        body=_text_paragraphs(contribution.description),
        territory=contribution.territory or contribution.organisation,
        departement=contribution.departement,
        external_url=contribution.url,
        contributed_by=_credit_of(contribution),
    )
    return _publish_page(index, page, contribution, user=user)


def _publish_page(parent, page, contribution: Contribution, *, user):
    page.themes.set(list(contribution.themes.all()))
    page.owner = user
    try:
        parent.add_child(instance=page)
    except ValidationError as error:  # what the page type requires and the form did not
        problems = " ; ".join(
            message for messages in error.message_dict.values() for message in messages
        )
        raise ModerationError(
            f"La proposition ne peut pas être publiée telle quelle : {problems}. "
            "Corrigez-la (ou demandez à son auteur de la corriger), puis publiez-la."
        ) from error
    page.save_revision(user=user, log_action=True).publish(user=user)
    return page.specific_class.objects.get(pk=page.pk)


PUBLISHERS = {
    Contribution.Kind.RESOURCE: _publish_resource,
    Contribution.Kind.EVENT: _publish_event,
    Contribution.Kind.PROJECT: _publish_project,
}


def contribution_publish(*, contribution: Contribution, user):
    """Publishes what the contribution proposes; raises ModerationError if it cannot."""
    return PUBLISHERS[contribution.kind](contribution, user=user)
