#!/usr/bin/env python3
"""Fills the page's {{key}} placeholders with the wording of assets/i18n/ in both languages.

usage: page_words.py TEMPLATE OUTPUT

A key is <namespace>.<toml path>, as in the app (src/i18n/table.rs); the text is "zh en", or one
of them when both are the same. An unknown key is an error, so the page never shows a raw key.
"""

import html
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def text(key):
    namespace, _, rest = key.partition(".")
    node = tomllib.loads((ROOT / "assets/i18n" / f"{namespace}.toml").read_text("utf-8"))
    for part in rest.split("."):
        node = node[part]
    zh, en = node["zh"], node["en"]
    return zh if zh == en else f"{zh} {en}"


def main():
    template, output = sys.argv[1], sys.argv[2]
    page = pathlib.Path(template).read_text("utf-8")
    try:
        filled = re.sub(r"\{\{([a-z0-9_.]+)\}\}", lambda m: html.escape(text(m.group(1))), page)
    except (KeyError, FileNotFoundError) as error:
        sys.exit(f"page_words: no wording for {error}")
    pathlib.Path(output).write_text(filled, "utf-8")


if __name__ == "__main__":
    main()
