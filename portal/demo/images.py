"""Pleasant abstract illustrations drawn with Pillow, deterministic from a seed.

Each image combines a palette (gradient background, accent colours) with a composition style
(overlapping circles, layered waves, tilted blocks, concentric arcs, a tile grid). Shapes are drawn at
twice the size and scaled down, which anti-aliases their edges. The description doubles as alt text.
"""

import io
import math
import random
from functools import lru_cache

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1600, 900
SUPERSAMPLE = 2

# name, background gradient (from, to), background words, accents, accent words
PALETTES = [
    (
        "Baltic morning",
        ("#0b3954", "#087e8b"),
        "deep blue and teal",
        ["#bfd7ea", "#ff5a5f", "#f4f1de"],
        "pale blue, coral and cream",
    ),
    (
        "Sunflower field",
        ("#f6bd60", "#f28482"),
        "golden yellow and pink",
        ["#84a59d", "#f7ede2", "#3d405b"],
        "sage green, ivory and slate",
    ),
    (
        "Alpine meadow",
        ("#2a9d8f", "#8ab17d"),
        "green and teal",
        ["#e9c46a", "#f4a261", "#ffffff"],
        "yellow, orange and white",
    ),
    (
        "Mediterranean noon",
        ("#023e8a", "#48cae4"),
        "ultramarine and sky blue",
        ["#ffd166", "#ef476f", "#ffffff"],
        "sun yellow, pink and white",
    ),
    (
        "Autumn in the park",
        ("#6b2737", "#e08e45"),
        "burgundy and amber",
        ["#f8f4a6", "#bdf7b7", "#3a2e39"],
        "lemon, mint and aubergine",
    ),
    (
        "Nordic winter",
        ("#dfe7fd", "#a9bcd0"),
        "frosty blue and grey",
        ["#1d3557", "#e63946", "#457b9d"],
        "navy, red and steel blue",
    ),
    (
        "Lavender fields",
        ("#6d597a", "#b56576"),
        "plum and rose",
        ["#eaac8b", "#ffcdb2", "#355070"],
        "apricot, peach and indigo",
    ),
    (
        "Classroom chalkboard",
        ("#1b4332", "#2d6a4f"),
        "dark green",
        ["#f1faee", "#ffb703", "#8ecae6"],
        "chalk white, yellow and light blue",
    ),
    (
        "Citrus morning",
        ("#ffbe0b", "#fb5607"),
        "yellow and orange",
        ["#3a86ff", "#8338ec", "#ffffff"],
        "bright blue, violet and white",
    ),
    (
        "Harbour at dusk",
        ("#22223b", "#4a4e69"),
        "midnight blue",
        ["#f2e9e4", "#c9ada7", "#e76f51"],
        "linen, dusty pink and terracotta",
    ),
    ("Spring garden", ("#d8f3dc", "#95d5b2"), "soft mint", ["#2d6a4f", "#ff8fab", "#fb6f92"], "forest green and pinks"),
    (
        "Terracotta rooftops",
        ("#bc4749", "#f2e8cf"),
        "terracotta and sand",
        ["#386641", "#6a994e", "#a7c957"],
        "olive and leaf greens",
    ),
    (
        "Science lab",
        ("#03045e", "#0077b6"),
        "navy and cobalt",
        ["#90e0ef", "#caf0f8", "#ffb4a2"],
        "aqua, ice blue and salmon",
    ),
    (
        "Library afternoon",
        ("#7f5539", "#ddb892"),
        "warm brown and beige",
        ["#e6ccb2", "#9c6644", "#283618"],
        "cream, cinnamon and dark olive",
    ),
    (
        "Playground colours",
        ("#f7f7ff", "#e5e5f7"),
        "off-white",
        ["#ef476f", "#06d6a0", "#118ab2", "#ffd166"],
        "red, green, blue and yellow",
    ),
    (
        "Northern lights",
        ("#10002b", "#3c096c"),
        "deep violet",
        ["#7bf1a8", "#48bfe3", "#e0aaff"],
        "luminous green, cyan and lilac",
    ),
    (
        "Seaside pebbles",
        ("#e9edc9", "#ccd5ae"),
        "pale sage",
        ["#d4a373", "#6c757d", "#264653"],
        "caramel, grey and petrol blue",
    ),
    (
        "Cherry blossom",
        ("#ffe5ec", "#ffc2d1"),
        "blush pink",
        ["#fb6f92", "#8d99ae", "#2b2d42"],
        "rose, grey-blue and charcoal",
    ),
]

STYLES = {
    "circles": "overlapping translucent circles",
    "waves": "layered flowing waves",
    "blocks": "tilted rounded blocks",
    "arcs": "concentric arcs and half circles",
    "tiles": "a grid of tiles with quarter circles",
}

DEFAULT_COUNT = 16


def _rgb(hex_colour):
    hex_colour = hex_colour.lstrip("#")
    return tuple(int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))


def _gradient(size, start, end, angle):
    """A linear gradient at ``angle`` degrees; the rotated square is cropped so no corner shows."""
    w, h = size
    side = math.ceil(math.hypot(w, h)) + 2
    mask = Image.linear_gradient("L").resize((side, side), Image.Resampling.BILINEAR)
    mask = mask.rotate(angle, resample=Image.Resampling.BILINEAR)
    left, top = (side - w) // 2, (side - h) // 2
    mask = mask.crop((left, top, left + w, top + h))
    return Image.composite(Image.new("RGB", size, _rgb(end)), Image.new("RGB", size, _rgb(start)), mask)


def _rgba(hex_colour, alpha):
    return (*_rgb(hex_colour), alpha)


def _draw_circles(draw, rng, w, h, accents):
    for _ in range(rng.randint(7, 12)):
        r = rng.randint(h // 10, h // 2)
        x, y = rng.randint(-r // 2, w + r // 2), rng.randint(-r // 2, h + r // 2)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=_rgba(rng.choice(accents), rng.randint(90, 190)))


def _draw_waves(draw, rng, w, h, accents):
    layers = rng.randint(4, 6)
    for layer in range(layers):
        base = h * (0.3 + 0.6 * layer / layers)
        amp = rng.uniform(0.03, 0.09) * h
        freq = rng.uniform(1.0, 2.5)
        phase = rng.uniform(0, math.tau)
        points = [(x, base + amp * math.sin(freq * math.tau * x / w + phase)) for x in range(0, w + 40, 40)]
        draw.polygon([*points, (w, h), (0, h)], fill=_rgba(accents[layer % len(accents)], rng.randint(140, 220)))


def _draw_blocks(draw, rng, w, h, accents):
    for _ in range(rng.randint(6, 10)):
        bw, bh = rng.randint(w // 10, w // 3), rng.randint(h // 10, h // 3)
        cx, cy = rng.randint(0, w), rng.randint(0, h)
        angle = math.radians(rng.choice([-30, -15, 0, 15, 30, 45]))
        corners = [(-bw / 2, -bh / 2), (bw / 2, -bh / 2), (bw / 2, bh / 2), (-bw / 2, bh / 2)]
        points = [
            (cx + x * math.cos(angle) - y * math.sin(angle), cy + x * math.sin(angle) + y * math.cos(angle))
            for x, y in corners
        ]
        draw.polygon(points, fill=_rgba(rng.choice(accents), rng.randint(150, 230)))


def _draw_arcs(draw, rng, w, h, accents):
    for _ in range(rng.randint(2, 4)):
        cx, cy = rng.randint(0, w), rng.choice([0, h, rng.randint(0, h)])
        outer = rng.randint(h // 3, h)
        step = rng.randint(h // 20, h // 10)
        for i, r in enumerate(range(outer, step, -step)):
            colour = _rgba(accents[i % len(accents)], 200)
            draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=colour, width=max(2, step // 2))


def _draw_tiles(draw, rng, w, h, accents):
    cell = h // rng.choice([3, 4, 5])
    for gx in range(0, w, cell):
        for gy in range(0, h, cell):
            choice = rng.random()
            colour = _rgba(rng.choice(accents), rng.randint(160, 240))
            if choice < 0.35:
                corner = rng.choice([(gx, gy), (gx + cell, gy), (gx, gy + cell), (gx + cell, gy + cell)])
                cx, cy = corner
                draw.pieslice((cx - cell, cy - cell, cx + cell, cy + cell), 0, 360, fill=colour)
            elif choice < 0.55:
                m = cell // 6
                draw.ellipse((gx + m, gy + m, gx + cell - m, gy + cell - m), fill=colour)
            elif choice < 0.65:
                draw.rectangle((gx, gy, gx + cell, gy + cell), fill=colour)


DRAWERS = {
    "circles": _draw_circles,
    "waves": _draw_waves,
    "blocks": _draw_blocks,
    "arcs": _draw_arcs,
    "tiles": _draw_tiles,
}


def image_plan(seed, count=DEFAULT_COUNT):
    """[(number, palette, style)] for ``count`` images: distinct palettes, styles in rotation."""
    rng = random.Random(f"{seed}:images")
    palettes = rng.sample(PALETTES, min(count, len(PALETTES)))
    styles = list(STYLES)
    rng.shuffle(styles)
    return [
        (number, palettes[(number - 1) % len(palettes)], styles[(number - 1) % len(styles)])
        for number in range(1, count + 1)
    ]


def image_title(number, palette):
    return f"Demo illustration {number:02d}: {palette[0]}"


def image_description(palette, style):
    _name, _gradient_colours, background_words, _accents, accent_words = palette
    return f"Abstract illustration of {STYLES[style]} in {accent_words} over a {background_words} background"


@lru_cache(maxsize=64)
def render_image(seed, number, palette_name, style):
    """JPEG bytes of one illustration (cached: tests build the same images several times)."""
    palette = next(p for p in PALETTES if p[0] == palette_name)
    rng = random.Random(f"{seed}:image:{number}")
    w, h = WIDTH * SUPERSAMPLE, HEIGHT * SUPERSAMPLE
    _name, (start, end), _words, accents, _accent_words = palette
    background = _gradient((WIDTH, HEIGHT), start, end, rng.choice([0, 30, 60, 90, 120, 150]))
    canvas = background.resize((w, h), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(canvas, "RGBA")
    DRAWERS[style](draw, rng, w, h, accents)
    canvas = canvas.reduce(SUPERSAMPLE)
    buffer = io.BytesIO()
    canvas.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
