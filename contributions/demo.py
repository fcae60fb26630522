"""Demo content of this app, loaded by ``manage.py load_demo_content`` (idempotent)."""


def load(*, home) -> None:
    pass
