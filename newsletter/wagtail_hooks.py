from wagtail import hooks

from territoires.core.home import HOME_SECTION_HOOK, HomeSection

from .models import NewsletterPage


@hooks.register(HOME_SECTION_HOOK)
def newsletter_call(*, request, home_page):
    page = NewsletterPage.objects.live().public().first()
    if page is None:
        return None
    return HomeSection(template="newsletter/home/call.html", order=90, context={"page": page})
