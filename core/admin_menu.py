"""The admin's « Contenus » menu: the monthly cycle's content, one click away.

Core imports no app: each app puts its entries in this menu with the
``CONTENT_MENU_HOOK`` hook (a viewset with ``menu_hook = CONTENT_MENU_HOOK``, or a
function returning a ``MenuItem``).
"""

from django.urls import NoReverseMatch, reverse
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem

CONTENT_MENU_HOOK = "register_content_menu_item"

content_menu = Menu(
    register_hook_name=CONTENT_MENU_HOOK, construct_hook_name="construct_content_menu"
)


def content_menu_item() -> SubmenuMenuItem:
    return SubmenuMenuItem(
        "Contenus", content_menu, name="contenus", icon_name="doc-full", order=150
    )


class NamedUrlMenuItem(MenuItem):
    """An entry whose address is a URL name of another app, resolved when shown."""

    def __init__(self, label, url_name, **kwargs):
        self.url_name = url_name
        super().__init__(label, "", **kwargs)

    def is_shown(self, request):
        try:
            self.url = reverse(self.url_name)
        except NoReverseMatch:
            return False
        return True
