"""What an issue shows that changes by itself, frozen when the issue is sent.

The archive then shows the issue as its readers received it, not as the site
looks today.
"""


def take_snapshot() -> dict:
    return {}
