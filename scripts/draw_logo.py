"""Draw static/img/logo.png, the publisher logo named in articles' JSON-LD.

Run again after changing SITE_NAME or the house colour: `.venv/bin/python scripts/draw_logo.py`.
It needs no database: only the shipped fonts and the drawing code of the share cards.
"""

import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def main():
    sys.path.insert(0, str(PROJECT))
    from django.conf import settings

    settings.configure(BASE_DIR=PROJECT)
    from ankasam.discovery.share_cards import LOGO_PATH, LOGO_SIZE, draw_logo

    target = PROJECT / "static" / LOGO_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(draw_logo(os.environ.get("SITE_NAME", "ANKASAM"), LOGO_SIZE))
    print(f"Wrote {target.relative_to(PROJECT)}")


if __name__ == "__main__":
    main()
