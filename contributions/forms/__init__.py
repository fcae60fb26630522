"""The public forms: propose a resource, an event, a project; state a need to the ANCT."""

from .bases import ContributorForm, HttpsURLField, ThemeChoiceField, ThemeField
from .event import EventContributionForm
from .moderation import DeclineForm, DuplicateForm
from .need_request import NeedRequestForm
from .project import ProjectContributionForm
from .resource import ResourceContributionForm

CONTRIBUTION_FORMS = {
    form.kind: form
    for form in (ResourceContributionForm, EventContributionForm, ProjectContributionForm)
}

__all__ = [
    "CONTRIBUTION_FORMS",
    "ContributorForm",
    "DeclineForm",
    "DuplicateForm",
    "EventContributionForm",
    "HttpsURLField",
    "NeedRequestForm",
    "ProjectContributionForm",
    "ResourceContributionForm",
    "ThemeChoiceField",
    "ThemeField",
]
