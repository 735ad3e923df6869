#!/usr/bin/env python3
"""Regenerate assets/fonts/NotoSansSC-Regular-subset.otf.

Subsets Noto Sans CJK SC Regular (face 2 of NotoSansCJK-Regular.ttc from the
Debian package fonts-noto-cjk, SIL OFL 1.1) down to the characters the app
needs: ASCII, all of GB2312, CJK symbols/punctuation (U+3000-303F), full-width
forms (U+FF00-FFEF), a few UI symbols, and every character that appears in
assets/hints.toml and assets/i18n.toml (if present).

Requirements: `pip install fonttools` and `apt-get install fonts-noto-cjk`.
Usage (from the crate root): python3 assets/fonts/make_subset.py
"""
import os
import subprocess
import sys

from fontTools import subset

ASSETS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT = os.path.join(ASSETS, "fonts", "NotoSansSC-Regular-subset.otf")
FONT_NAME = "NotoSansCJK-Regular.ttc"
EXTRA_SYMBOLS = "…—“”‘’·•✓⚠→←↑↓●○■□★☆×√✗"
TEXT_FILES = ("hints.toml", "i18n.toml")


def find_font():
    """Locate NotoSansCJK-Regular.ttc via dpkg, with the usual path as fallback."""
    try:
        files = subprocess.run(["dpkg", "-L", "fonts-noto-cjk"], check=True,
                               capture_output=True, text=True).stdout.split()
        for path in files:
            if path.endswith("/" + FONT_NAME):
                return path
    except (OSError, subprocess.CalledProcessError):
        pass
    fallback = "/usr/share/fonts/opentype/noto/" + FONT_NAME
    if os.path.exists(fallback):
        return fallback
    sys.exit(f"{FONT_NAME} not found: apt-get install fonts-noto-cjk")


def charset():
    chars = {chr(c) for c in range(0x20, 0x7F)}
    for hi in range(0xA1, 0xF8):  # GB2312 rows
        for lo in range(0xA1, 0xFF):
            chars.update(bytes([hi, lo]).decode("gb2312", errors="ignore"))
    chars.update(chr(c) for c in range(0x3000, 0x3040))
    chars.update(chr(c) for c in range(0xFF00, 0xFFF0))
    chars.update(EXTRA_SYMBOLS)
    for name in TEXT_FILES:
        path = os.path.join(ASSETS, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                chars.update(f.read())
    return sorted(c for c in chars if c.isprintable() or c == "\u3000")


def main():
    chars = charset()
    unicodes = ",".join(f"U+{ord(c):04X}" for c in chars)
    subset.main([
        find_font(),
        "--font-number=2",  # Noto Sans CJK SC
        f"--unicodes={unicodes}",
        "--layout-features=",
        "--no-hinting",
        f"--output-file={OUTPUT}",
    ])
    print(f"{len(chars)} chars -> {OUTPUT} ({os.path.getsize(OUTPUT)} bytes)")


if __name__ == "__main__":
    main()
