"""The campaigns' results pages are listed in the sitemap, drafts are not."""

from votes.models import Campaign


def test_published_campaigns_are_in_the_sitemap(client, db):
    published = Campaign.objects.published()
    assert published.exists()
    body = client.get("/sitemap.xml").content.decode()
    for campaign in published:
        assert campaign.get_absolute_url() in body
    for draft in Campaign.objects.exclude(pk__in=published):
        assert draft.get_absolute_url() not in body
