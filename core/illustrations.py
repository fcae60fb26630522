"""Illustrations drawn here with the DSFR palette, for the demo: partners' photos and
logos are theirs, so the demo ships abstract drawings of its own (dialogue bubbles,
people around a table, paths that meet). They are decorative: pages show them with
an empty text alternative.

``python manage.py draw_illustrations <folder>`` writes them as PNG files;
``illustration_png(name)`` gives one to the demo loader.
"""

import io
import math
import random

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675

# DSFR colours (« couleurs illustratives » and « bleu France »).
BLUE_FRANCE = "#000091"
BLUE_FRANCE_LIGHT = "#e3e3fd"
ECUME = "#465f9d"
ECUME_LIGHT = "#e9edfe"
MENTHE = "#009081"
MENTHE_LIGHT = "#dffdf7"
TOURNESOL = "#c8aa39"
TOURNESOL_LIGHT = "#feecc2"
MACARON = "#e18b76"
MACARON_LIGHT = "#fee9e6"
ARCHIPEL = "#009099"

SCHEMES = {
    "dialogue": (BLUE_FRANCE_LIGHT, [BLUE_FRANCE, MACARON, MENTHE]),
    "cercle": (MENTHE_LIGHT, [MENTHE, ECUME, TOURNESOL]),
    "chemins": (TOURNESOL_LIGHT, [ECUME, MACARON, ARCHIPEL]),
    "recit": (MACARON_LIGHT, [MACARON, BLUE_FRANCE, TOURNESOL]),
    "outils": (ECUME_LIGHT, [ECUME, TOURNESOL, MENTHE]),
    "agenda": (BLUE_FRANCE_LIGHT, [BLUE_FRANCE, MACARON, MENTHE, TOURNESOL]),
}


def _bubbles(draw: ImageDraw.ImageDraw, rng: random.Random, colours: list[str]) -> None:
    for index in range(5):
        x, y = rng.randint(80, WIDTH - 380), rng.randint(60, HEIGHT - 260)
        colour = colours[index % len(colours)]
        draw.rounded_rectangle((x, y, x + 300, y + 170), radius=40, fill=colour)
        draw.polygon([(x + 60, y + 170), (x + 120, y + 170), (x + 50, y + 230)], fill=colour)
        for line in range(3):
            draw.rounded_rectangle(
                (x + 40, y + 40 + line * 40, x + 260 - line * 50, y + 60 + line * 40),
                radius=10,
                fill="#ffffff",
            )


def _circle(draw: ImageDraw.ImageDraw, rng: random.Random, colours: list[str]) -> None:
    cx, cy = WIDTH // 2, HEIGHT // 2
    draw.ellipse((cx - 230, cy - 150, cx + 230, cy + 150), fill="#ffffff")
    for index in range(8):
        angle = index / 8
        x = cx + int(330 * _cos(angle))
        y = cy + int(230 * _sin(angle))
        colour = colours[index % len(colours)]
        draw.ellipse((x - 45, y - 95, x + 45, y - 5), fill=colour)
        draw.rounded_rectangle((x - 65, y, x + 65, y + 90), radius=45, fill=colour)


def _paths(draw: ImageDraw.ImageDraw, rng: random.Random, colours: list[str]) -> None:
    for index, colour in enumerate(colours * 2):
        start = (0, rng.randint(40, HEIGHT - 40))
        middle = (WIDTH // 2 + rng.randint(-80, 80), HEIGHT // 2 + rng.randint(-40, 40))
        end = (WIDTH, rng.randint(40, HEIGHT - 40))
        draw.line([start, middle, end], fill=colour, width=28 - index * 2, joint="curve")
    draw.ellipse(
        (WIDTH // 2 - 70, HEIGHT // 2 - 70, WIDTH // 2 + 70, HEIGHT // 2 + 70), fill=BLUE_FRANCE
    )


def _calendar(draw: ImageDraw.ImageDraw, rng: random.Random, colours: list[str]) -> None:
    """A month's page: a header, rings, and a few days marked in colour."""
    left, top, right, bottom = 240, 90, WIDTH - 240, HEIGHT - 60
    draw.rounded_rectangle((left, top, right, bottom), radius=36, fill="#ffffff")
    draw.rounded_rectangle((left, top, right, top + 110), radius=36, fill=colours[0])
    for ring in range(4):
        x = left + 120 + ring * 170
        draw.rounded_rectangle((x, top - 40, x + 30, top + 40), radius=15, fill=ECUME)
    cell_w, cell_h = (right - left - 80) / 7, (bottom - top - 170) / 5
    for row in range(5):
        for column in range(7):
            x = left + 40 + column * cell_w
            y = top + 140 + row * cell_h
            marked = rng.random() < 0.22
            colour = rng.choice(colours[1:]) if marked else BLUE_FRANCE_LIGHT
            draw.rounded_rectangle(
                (x + 8, y + 8, x + cell_w - 8, y + cell_h - 8), radius=12, fill=colour
            )


def _cos(turn: float) -> float:
    return math.cos(turn * 2 * math.pi)


def _sin(turn: float) -> float:
    return math.sin(turn * 2 * math.pi)


DRAWINGS = {
    "dialogue": _bubbles,
    "cercle": _circle,
    "chemins": _paths,
    "recit": _bubbles,
    "outils": _paths,
    "agenda": _calendar,
}


def illustration(name: str) -> Image.Image:
    """The drawing ``name``, the same every time (its seed is its name)."""
    background, colours = SCHEMES[name]
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    # A drawing, not a secret: a seeded generator keeps it the same from run to run.
    DRAWINGS[name](ImageDraw.Draw(image), random.Random(name), colours)  # noqa: S311
    return image


def illustration_png(name: str) -> bytes:
    buffer = io.BytesIO()
    illustration(name).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
