"""Render: a brief in, HTML and a PDF out. The package itself imports nothing, so the
CLI can read audiences and paper sizes without loading Jinja2 or WeasyPrint."""
