"""The frozen app's runtime hook that lets fcitx users type Chinese (Qt's ibus plugin as the
fallback, packaging/hooks/rthook_input_method.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

HOOK = Path(__file__).resolve().parents[2] / "packaging" / "hooks" / "rthook_input_method.py"


@pytest.fixture
def hook(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    # loading runs the hook on this process's environment: give it one it leaves alone
    monkeypatch.setenv("QT_IM_MODULES", "compose")
    spec = importlib.util.spec_from_file_location("fanwen_rthook_input_method", HOOK)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PORTAL = {"IBUS_USE_PORTAL": "1"}


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        (
            {"QT_IM_MODULE": "fcitx", "XMODIFIERS": "@im=fcitx"},
            {"QT_IM_MODULES": "fcitx;ibus;compose", **PORTAL},
        ),
        ({"QT_IM_MODULE": "fcitx5"}, {"QT_IM_MODULES": "fcitx5;ibus;compose", **PORTAL}),
        (
            {"QT_IM_MODULE": "fcitx", "IBUS_USE_PORTAL": "0"},  # the user's choice stands
            {"QT_IM_MODULES": "fcitx;ibus;compose"},
        ),
        ({"QT_IM_MODULE": "ibus"}, {}),  # a plugin we ship: Qt loads it directly
        ({"QT_IM_MODULE": "compose"}, {}),
        ({"QT_IM_MODULE": "none"}, {}),
        ({"QT_IM_MODULES": "wayland;fcitx", "QT_IM_MODULE": "fcitx"}, {}),  # the user's list
        ({"XMODIFIERS": "@im=fcitx"}, {"QT_IM_MODULES": "ibus;compose", **PORTAL}),
        ({"XMODIFIERS": "@im=none"}, {}),
        ({}, {}),
    ],
)
def test_fallback(hook: ModuleType, environ: dict[str, str], expected: dict[str, str]) -> None:
    assert hook.input_method_environment(environ) == expected
