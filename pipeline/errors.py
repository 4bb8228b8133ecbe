"""Errors the user can act on: the CLI prints them as one line and exits 1."""
import click


class BriefError(click.ClickException):
    exit_code = 1

    def __init__(self, message: str, path: object | None = None):
        super().__init__(f"{path}: {message}" if path is not None else message)
