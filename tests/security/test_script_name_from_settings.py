"""Attack: a SCRIPT_NAME in the WSGI environ (which a server may fill in from a client's
header) choosing the prefix Django puts before every path and link.

The site's prefix comes from FORCE_SCRIPT_NAME alone (empty): Django's request path
is then the path it routes, and no link is built on a prefix a client chose.
"""

import pytest

from tests.collectivites.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_request_path_is_the_routed_path_whatever_the_environ_says(rf):
    request = rf.get("/admin/pages/", SCRIPT_NAME="/x")

    assert request.path == request.path_info == "/admin/pages/"


def test_links_are_not_built_on_a_script_name_from_the_environ(client, settings):
    settings.ADMIN_REQUIRE_2FA = True
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    answer = client.get("/admin/pages/", SCRIPT_NAME="/x")

    # The second factor is asked for, at the site's own address.
    assert answer.status_code == 302
    assert answer["Location"].startswith("/admin/2fa/?next=/admin/pages/")
