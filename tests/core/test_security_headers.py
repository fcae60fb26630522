import re

import pytest

from core.security import nonce_wagtail_bootstraps


def csp_of(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.parametrize("url", ["/", "/ressources/", "/recherche/?q=emploi", "/page-inexistante/"])
def test_public_pages_carry_a_strict_policy_and_the_security_headers(client, home, url):
    response = client.get(url)
    csp = csp_of(response)
    assert "unsafe-inline" not in csp["script-src"]
    assert "unsafe-eval" not in csp["script-src"]
    assert csp["object-src"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


def test_every_script_of_a_public_page_is_external_or_carries_the_nonce(client, home):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    for tag in re.findall(r"<script\b[^>]*>", response.content.decode()):
        assert "src=" in tag or f'nonce="{nonce}"' in tag, tag


def test_each_response_gets_its_own_nonce(client, home):
    policies = {client.get("/")["Content-Security-Policy"] for _ in range(3)}
    assert len(policies) == 3


def test_the_admin_login_page_has_the_same_policy(client, home):
    csp = csp_of(client.get("/admin/login/"))
    assert "unsafe-inline" not in csp["script-src"]
    assert csp["frame-ancestors"] == "'none'"


def test_wagtail_bootstraps_get_the_nonce_but_injected_scripts_do_not():
    page = (
        b'<script>initDateChooser("id_start", {"dayOfWeekStart": 1});</script>'
        b'<script>(function() {\n var panel = new InlinePanel(JSON.parse("{\\u0022a\\u0022: 1}"));\n })();</script>'
        b'<script>new SnippetChooser("id_publisher", {"modalUrl": "/admin/snippets/choose/"});</script>'
        b'<script>initDateChooser("x", {});alert(document.cookie);({});</script>'
        b"<script>alert(1)</script>"
    )
    result = nonce_wagtail_bootstraps(page, "N0nce").decode()
    assert result.count('nonce="N0nce"') == 3
    assert '<script>initDateChooser("x", {});alert' in result
    assert "<script>alert(1)</script>" in result


def test_documents_are_downloaded_with_a_sandboxing_policy(client, home, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    settings.MEDIA_ROOT = tmp_path
    document = get_document_model().objects.create(
        title="Guide", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="guide.pdf")
    )
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    assert "sandbox" in response["Content-Security-Policy"]
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
