"""The direction of imports (ARCHITECTURE.md), checked on the code as written."""

from .code import (
    APP_LAYERS,
    PROJECT_PACKAGE,
    app_of,
    find_cycle,
    first_party_imports,
    module_of,
    product_files,
)

# What a layer must not import, whatever the app: reads and writes stay below the
# screens, and models below everything else of their app.
FORBIDDEN = {
    "models": ("views", "admin_views", "forms", "selectors", "services", "wagtail_hooks"),
    "selectors": ("views", "admin_views", "forms", "wagtail_hooks"),
    "services": ("views", "admin_views", "forms", "wagtail_hooks"),
}


def _layer(module: str) -> str | None:
    for part in module.split(".")[1:]:
        if part in FORBIDDEN:
            return part
    return None


def _describe(imports) -> str:
    return "\n".join(f"  {i.importer}:{i.line} imports {i.target}" for i in imports)


def test_the_code_is_read():
    # The graph below means something only if the apps are where the test looks.
    assert {app_of(module) for module in product_files()} == {*APP_LAYERS, PROJECT_PACKAGE}
    assert len(first_party_imports()) > 300


def test_apps_import_only_the_apps_below_them():
    upward = [
        found
        for found in first_party_imports()
        if app_of(found.importer) != PROJECT_PACKAGE
        and app_of(found.target) != app_of(found.importer)
        and (
            app_of(found.target) == PROJECT_PACKAGE
            or APP_LAYERS.index(app_of(found.target)) > APP_LAYERS.index(app_of(found.importer))
        )
    ]
    assert not upward, f"imports against the layers {APP_LAYERS}:\n{_describe(upward)}"


def test_no_cycle_between_apps():
    edges: dict[str, set[str]] = {}
    for found in first_party_imports():
        if app_of(found.target) != app_of(found.importer):
            edges.setdefault(app_of(found.importer), set()).add(app_of(found.target))
    assert find_cycle(edges) is None


def test_no_cycle_between_modules():
    edges: dict[str, set[str]] = {}
    for found in first_party_imports():
        target = module_of(found.target)
        if target and target != found.importer:
            edges.setdefault(found.importer, set()).add(target)
    assert find_cycle(edges) is None


def test_code_is_imported_at_the_top_of_its_module():
    """An import inside a function is how a cycle hides: only an app's ready()
    may import at call time (Django wants signals connected there)."""
    hidden = [
        found
        for found in first_party_imports()
        if found.function is not None
        and not (found.importer.endswith(".apps") and found.function == "ready")
    ]
    assert not hidden, f"imports inside functions:\n{_describe(hidden)}"


def test_models_selectors_and_services_import_no_screen():
    wrong = [
        found
        for found in first_party_imports()
        if (layer := _layer(found.importer))
        and any(part in FORBIDDEN[layer] for part in module_of(found.target).split(".")[1:])
    ]
    assert not wrong, (
        f"imports against the direction models ← reads/writes ← screens:\n{_describe(wrong)}"
    )


def test_the_checks_see_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}}) is None
