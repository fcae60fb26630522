"""Grant model permissions to Wagtail's Editors and Moderators groups, from migrations."""

from django.contrib.auth.management import create_permissions


def grant_permissions(apps, app_label: str, grants: dict[str, list[str]]) -> None:
    """Give each group the named permissions (``"<action>_<model>"``) of ``app_label``.

    Permissions that Wagtail only creates after migrating (``publish_*`` for models
    with a draft state) are created here, with the name Wagtail would give them.
    """
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, codenames in grants.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for codename in codenames:
            action, model_name = codename.split("_", 1)
            content_type, _ = ContentType.objects.get_or_create(
                app_label=app_label, model=model_name
            )
            model = apps.get_model(app_label, model_name)
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"},
            )
            group.permissions.add(permission)
