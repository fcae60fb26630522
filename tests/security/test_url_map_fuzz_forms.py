"""Attack: every field of every public form, and of a signed-in representative's forms,
posted with hostile values (NUL, control characters, very long strings, invalid UTF-8,
junk field names): a page or a refusal, never a server error (a 500 also mails the
team, and for the sign-up it mailed the password)."""

import pytest

from tests.collectivites.factories import RepresentativeFactory
from votes.models import SharedProjectPage

from .url_map import routes
from .url_map_probe import fuzz_forms, page_urls

pytestmark = pytest.mark.django_db


def test_every_public_form_survives_hostile_fields(site, probe):
    fixed = [f"/{route}" for route in routes() if "<" not in route]
    kinds = [f"/contribuer/{kind}/" for kind in ("ressource", "evenement", "projet")]
    posted = fuzz_forms(probe, sorted({*fixed, *page_urls(), *kinds}))

    assert not probe.failures, probe.report()
    assert posted > 500  # the forms were found: sign-up, contributions, newsletter…


def test_representative_forms_survive_hostile_fields(site, probe):
    """What a signed-in representative posts: ballots, proposals, registrations."""
    probe.client.force_login(RepresentativeFactory().user)
    urls = [f"/votes/{site.slug}/bulletin/", f"/votes/{site.slug}/proposer/"]
    urls += [page.url for page in SharedProjectPage.objects.live()]
    urls += ["/compte/mot-de-passe/changer/", "/compte/"]  # the last: it logs out
    posted = fuzz_forms(probe, urls)

    assert not probe.failures, probe.report()
    assert posted > 50
