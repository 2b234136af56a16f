"""The web app manifest, so the site can be installed as an app."""

from __future__ import annotations

import json

MANIFEST = "manifest.webmanifest"
# The theme's indigo, so the installed app's title bar matches the site's header.
THEME_COLOR = "#4051b5"
SHORT_NAME = "Child info"
ICONS = (
    {"src": "assets/icons/icon-192.png", "sizes": "192x192", "type": "image/png"},
    {"src": "assets/icons/icon-512.png", "sizes": "512x512", "type": "image/png"},
    {"src": "assets/icons/icon.svg", "sizes": "any", "type": "image/svg+xml"},
    {"src": "assets/icons/icon-maskable-512.png", "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
)


def render_manifest(name: str, description: str | None) -> str:
    """The web app manifest; its URLs are relative to it, at the site root, so the site may live under a sub-path."""
    manifest = {
        "id": "./",
        "name": name,
        "short_name": SHORT_NAME,
        "description": description or "",
        "lang": "en",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": "#ffffff",
        "icons": list(ICONS),
    }
    return json.dumps(manifest, indent=2) + "\n"
