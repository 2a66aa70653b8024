"""Interface catalogues without system gettext tools.

    python -m portal.i18n compile [PO ...]   # .po -> .mo next to it (all catalogues by default)

``make install`` runs this, so a fresh checkout serves every language although only the ``.po`` sources
are committed. ``make messages`` (Django's makemessages, which needs xgettext) refreshes the sources.
"""

import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent / "locale"


def catalogues():
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def compile_catalogue(po_path):
    po_path = Path(po_path)
    mo_path = po_path.with_suffix(".mo")
    catalogue = polib.pofile(str(po_path))
    if "INTEGER" in catalogue.metadata.get("Plural-Forms", "INTEGER"):
        # makemessages' placeholder for a language Django has no catalogue of (Maltese): gettext cannot
        # parse it and every request in any language would fail, so compile with the English rule.
        catalogue.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    catalogue.save_as_mofile(str(mo_path))
    return mo_path


def main(argv):
    if not argv or argv[0] != "compile":
        print(__doc__.strip(), file=sys.stderr)
        return 2
    paths = argv[1:] or catalogues()
    for path in paths:
        compile_catalogue(path)
    print(f"compiled {len(paths)} catalogue(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
