from django import forms
from django.template.loader import render_to_string

from core.forms import PlainTextField, PublicForm, plain_text


class ContactForm(PublicForm):
    name = PlainTextField(label="Nom")
    email = forms.EmailField(label="Adresse e-mail")


def test_markup_is_removed_from_plain_text_fields():
    form = ContactForm({"name": "<b>Anne</b><script>alert(1)</script> & Cie", "email": "a@b.fr"})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "Anne & Cie"
    assert plain_text("<img src=x onerror=alert(1)>a < b") == "a < b"


def test_a_filled_honeypot_marks_the_post_as_spam_without_an_error():
    form = ContactForm({"name": "Bot", "email": "bot@example.com", "site_web": "http://spam"})
    assert form.is_valid()
    assert form.is_spam


def test_the_error_summary_links_each_error_to_its_field_and_keeps_the_input():
    form = ContactForm({"name": "Anne", "email": "pas-une-adresse"})
    assert not form.is_valid()
    html = render_to_string("includes/form_error_summary.html", {"form": form}) + form.render()
    assert "Le formulaire contient 1 erreur" in html
    assert 'href="#id_email"' in html
    assert 'value="pas-une-adresse"' in html
    assert 'aria-hidden="true"' in html  # the honeypot is out of the accessibility tree


class ChoiceForm(PublicForm):
    kind = forms.ChoiceField(
        label="Vous êtes",
        choices=[("a", "Une collectivité"), ("b", "Un partenaire")],
        widget=forms.RadioSelect,
    )


def test_an_error_on_a_radio_group_links_to_its_first_radio():
    form = ChoiceForm({})
    assert not form.is_valid()
    assert form.error_summary()[0][0] == "id_kind_0"
