import datetime

import factory
import wagtail_factories

from themes.models import ConceptPage, ProjectPage, ThemePage


class ThemePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ThemePage

    title = factory.Sequence(lambda n: f"Thématique {n}")
    intro = factory.Faker("sentence", nb_words=16, locale="fr_FR")
    month = datetime.date(2024, 1, 1)


class ConceptPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ConceptPage

    title = factory.Sequence(lambda n: f"Concept {n}")
    intro = factory.Faker("sentence", nb_words=16, locale="fr_FR")
    month = datetime.date(2024, 1, 1)


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Projet {n}")
    intro = factory.Faker("sentence", nb_words=16, locale="fr_FR")
    territory = factory.Faker("city", locale="fr_FR")
