"""`hawamish gui`: the app (also what `hawamish` with no command starts).

`--screenshot PNG` renders the window once it is idle, saves it and exits: it is how tests and the README
look at the real app without a person in front of it (offscreen or under xvfb-run). `--layout-json FILE`
writes where each named widget sits at that same moment, and `--size WxH` sets the window's size first.
"""

from __future__ import annotations

import argparse


def _lang(value: str) -> str:
    if value not in ("ar", "en"):
        raise argparse.ArgumentTypeError("choose ar or en")
    return value


def _size(value: str) -> tuple[int, int]:
    width, sep, height = value.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit() or int(width) < 200 or int(height) < 150:
        raise argparse.ArgumentTypeError("give WIDTHxHEIGHT in pixels, at least 200x150, e.g. 1024x700")
    return int(width), int(height)


def _theme(value: str) -> str:
    if value not in ("light", "sepia", "dark"):
        raise argparse.ArgumentTypeError("choose light, sepia or dark")
    return value


#: `--view` choices (DESIGN §6); "library" is the window's reading mode.
VIEWS = ("library", "notebook", "compare")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser("gui", parents=[common], help="start the app (the default command)")
    parser.add_argument("--open", type=int, metavar="ID", help="open this article")
    parser.add_argument("--lang", type=_lang, metavar="ar|en", help="UI language (default: the system's)")
    parser.add_argument(
        "--theme",
        type=_theme,
        metavar="light|sepia|dark",
        help="colours for this run (default: the preferences')",
    )
    parser.add_argument("--screenshot", metavar="PNG", help="render the window once idle, save it, exit")
    parser.add_argument("--search", metavar="QUERY", help="search for QUERY when the window opens")
    parser.add_argument(
        "--related", type=int, metavar="ID", help="show the articles like article ID (More Like This)"
    )
    parser.add_argument("--size", type=_size, metavar="WxH", help="resize the window to W×H pixels")
    parser.add_argument(
        "--layout-json",
        metavar="FILE",
        help="once idle, write the geometry of every named widget as JSON, then exit",
    )
    parser.add_argument(
        "--view",
        choices=VIEWS,
        help="start in this view: the library and the article (default), the notebook or the compare view",
    )
    parser.add_argument(
        "--compare",
        metavar="QUERY",
        help="compare the passages of QUERY (tag:T, label:KEY or words to search) in the compare view",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    from reader.gui.app import run_app  # PySide6 is only imported when the app really starts

    args.library_dir = ctx.library_dir
    args.library_given = ctx.library_given
    return run_app(args)
