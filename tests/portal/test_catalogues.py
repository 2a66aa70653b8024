"""The interface catalogues: every shipped language translates every interface string."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DIR = ROOT / "portal" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}")
LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_language_translates_every_string(code):
    po = catalogue(code)
    missing = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not missing, f"{code}: {len(missing)} untranslated, e.g. {missing[:5]}"
    assert not fuzzy, f"{code}: {len(fuzzy)} fuzzy, e.g. {fuzzy[:5]}"
    assert po.metadata.get("Language") == code
    assert "INTEGER" not in po.metadata.get("Plural-Forms", "INTEGER")


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_their_placeholders(code):
    wrong = []
    for entry in catalogue(code).translated_entries():
        if entry.msgid_plural:
            expected = set(PLACEHOLDER.findall(entry.msgid_plural)) | set(PLACEHOLDER.findall(entry.msgid))
            for form in entry.msgstr_plural.values():
                # a singular form may name the number in words ("one file"), never invent placeholders
                if not set(PLACEHOLDER.findall(form)) <= expected:
                    wrong.append(entry.msgid)
        elif set(PLACEHOLDER.findall(entry.msgstr)) != set(PLACEHOLDER.findall(entry.msgid)):
            wrong.append(entry.msgid)
    assert not wrong, f"{code}: placeholders differ in {wrong[:5]}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_are_not_english_copies(code):
    po = catalogue(code)
    copies = [e.msgid for e in po.translated_entries() if not e.msgid_plural and e.msgstr == e.msgid]
    # Names, codes and cognates (STEM, CC BY 4.0, "Module" and "Documents" in French) legitimately stay as
    # they are; sentences do not, and neither may a large share of the catalogue.
    sentences = [msgid for msgid in copies if len(msgid.split()) > 3]
    assert not sentences, f"{code}: English left in {sentences[:5]}"
    assert len(copies) < len(po) * 0.15, f"{code}: {len(copies)} strings identical to English"


def test_every_language_has_the_same_strings():
    reference = {entry.msgid for entry in catalogue(LANGUAGES[0])}
    for code in LANGUAGES[1:]:
        assert {entry.msgid for entry in catalogue(code)} == reference, code


def test_catalogues_hold_every_marked_string(tmp_path):
    """The catalogues are current: makemessages (which needs xgettext) finds no string they lack."""
    if not shutil.which("xgettext"):
        if os.environ.get("PORTAL_REQUIRE_SERVICES") == "1":
            pytest.fail("xgettext is missing (install gettext); it is required here")
        pytest.skip("xgettext is not installed")
    work = tmp_path / "tree"
    shutil.copytree(
        ROOT,
        work,
        ignore=shutil.ignore_patterns(".venv", ".git", "media", "staticfiles", "node_modules", "*.mo", "var"),
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings.test", "PYTHONPATH": str(work)}
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "--no-obsolete", "--add-location", "file",
         "--ignore", "tests/*", "--ignore", "bench/*", "--ignore", "tools/*"],
        cwd=work, env=env, check=True, capture_output=True,
    )  # fmt: skip
    fresh = polib.pofile(str(work / "portal" / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    new = sorted({entry.msgid for entry in fresh} - {entry.msgid for entry in catalogue("fr")})
    assert not new, f"strings missing from the catalogues (run `make messages` and translate): {new[:10]}"
