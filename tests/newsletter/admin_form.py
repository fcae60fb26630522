"""The page editor's form as a browser submits it, from the edit page's HTML.

Plain fields are read from their inputs. A StreamField is drawn by JavaScript from
the state embedded in the page (``data-w-block-arguments-value``): it is read here
and written out under the names the block widgets post (``body-0-type``,
``body-0-value-title``…), as the browser would for an editor who changed nothing.
"""

import json

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.test.utils.form_data import inline_formset, nested_form_data, querydict_from_html

CHOOSER_KEYS = {"adminTitle", "editUrl", "edit_url", "string"}


def login_verified(client, *, username: str, group: str):
    """An admin user who signed in and confirmed their TOTP code: the session holds the
    verified device, as ``django_otp.login`` leaves it after the 2FA page."""
    user = get_user_model().objects.create_user(
        username, email=username, password="motdepasse-solide"
    )
    user.groups.add(Group.objects.get(name=group))
    device = TOTPDevice.objects.create(user=user, name="Téléphone", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return user


def _unpack(node, refs: dict):
    """Telepath's packing (shared strings, dicts with reserved keys) undone."""
    if isinstance(node, list):
        return [_unpack(item, refs) for item in node]
    if not isinstance(node, dict):
        return node
    if "_ref" in node:
        return refs[node["_ref"]]
    if "_val" in node:
        value = node["_val"]
    elif "_dict" in node:
        value = {key: _unpack(item, refs) for key, item in node["_dict"].items()}
    elif "_list" in node:
        value = [_unpack(item, refs) for item in node["_list"]]
    else:
        value = {key: _unpack(item, refs) for key, item in node.items()}
    if "_id" in node:
        refs[node["_id"]] = value
    return value


def _children(prefix: str, items: list, data: dict, *, stream: bool) -> None:
    data[f"{prefix}-count"] = str(len(items))
    for index, item in enumerate(items):
        key = f"{prefix}-{index}"
        if stream:
            data[f"{key}-type"] = item["type"]
        data[f"{key}-id"] = item.get("id") or ""
        data[f"{key}-deleted"] = ""
        data[f"{key}-order"] = str(index)
        _value(f"{key}-value", item["value"], data)


def _value(prefix: str, value, data: dict) -> None:
    if isinstance(value, list):
        stream = bool(value) and all(isinstance(v, dict) and "type" in v for v in value)
        _children(prefix, value, data, stream=stream)
    elif isinstance(value, dict) and "id" in value and CHOOSER_KEYS & set(value):
        data[prefix] = str(value["id"])
    elif isinstance(value, dict):
        for name, child in value.items():
            _value(f"{prefix}-{name}", child, data)
    elif value is None:
        data[prefix] = ""
    elif value is True:
        data[prefix] = "on"
    elif value is not False:  # an unticked checkbox posts nothing
        data[prefix] = str(value)


def edit_form_data(html: str):
    """What the page editor posts when the editor saves without touching a field."""
    data = querydict_from_html(html, form_id="page-edit-form")
    soup = BeautifulSoup(html, "html.parser")
    for widget in soup.select("#page-edit-form [data-w-block-arguments-value]"):
        [state, _errors] = _unpack(json.loads(widget["data-w-block-arguments-value"]), {})
        fields: dict = {}
        _value(widget["id"], state, fields)
        for key, value in fields.items():
            data[key] = value
    if "comments-TOTAL_FORMS" not in data:
        data.update(nested_form_data({"comments": inline_formset([])}))
    return data
