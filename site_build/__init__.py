"""Build-time site code: turns the ``checklist`` package's data into the site's pages and files.

Each part is a pure function of its inputs; the mkdocs hooks in ``hooks/`` only adapt mkdocs' events
to them. ``checklist`` never imports this package, and this package never imports mkdocs.
"""
