"""Who may do what with the newsletter's models in the admin."""

from wagtail.permission_policies import ModelPermissionPolicy


class NoAddPermissionPolicy(ModelPermissionPolicy):
    """Subscribers come only through the double opt-in: nobody adds them by hand."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)
