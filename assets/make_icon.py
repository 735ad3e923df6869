#!/usr/bin/env python3
"""Regenerate assets/icon.png (256x256 RGBA app icon).

Blue (#1677FF) rounded square, white phone outline in the middle, and a green
(#52C41A) badge with a white check mark at the lower right. Drawn at 4x and
downscaled for smooth edges.

Requirements: `pip install pillow`.
Usage (from the crate root): python3 assets/make_icon.py
"""
import os

from PIL import Image, ImageDraw

SIZE, SS = 256, 4  # output size, supersampling factor
BLUE, GREEN, WHITE = (0x16, 0x77, 0xFF, 255), (0x52, 0xC4, 0x1A, 255), (255, 255, 255, 255)
OUTPUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "icon.png")


def s(*v):
    """Scale coordinates from 256-space to the supersampled canvas."""
    return [x * SS for x in v]


def main():
    img = Image.new("RGBA", (SIZE * SS, SIZE * SS), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    # Background: rounded blue square.
    d.rounded_rectangle(s(8, 8, 248, 248), radius=56 * SS, fill=BLUE)
    # Phone: white outline, speaker slot and home button.
    d.rounded_rectangle(s(76, 40, 164, 208), radius=18 * SS, outline=WHITE, width=11 * SS)
    d.rounded_rectangle(s(106, 58, 134, 65), radius=4 * SS, fill=WHITE)
    d.ellipse(s(113, 172, 127, 186), fill=WHITE)
    # Badge: green circle with blue ring (separates it from the phone) and a check.
    cx, cy, r = 190, 190, 36
    d.ellipse(s(cx - r - 7, cy - r - 7, cx + r + 7, cy + r + 7), fill=BLUE)
    d.ellipse(s(cx - r, cy - r, cx + r, cy + r), fill=GREEN)
    d.line(s(172, 191, 185, 204, 207, 177), fill=WHITE, width=9 * SS, joint="curve")
    for x, y in ((172, 191), (185, 204), (207, 177)):  # round line caps
        d.ellipse(s(x - 4.5, y - 4.5, x + 4.5, y + 4.5), fill=WHITE)
    img.resize((SIZE, SIZE), Image.LANCZOS).save(OUTPUT)
    print(f"wrote {OUTPUT}")


if __name__ == "__main__":
    main()
