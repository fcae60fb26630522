"""« Guide de l'éditeur »: the admin's help, written for this site, in French."""

from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin


class EditorGuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "core/admin/guide.html"
    page_title = "Guide de l'éditeur"
    header_icon = "help"
