"""`hawamish tags list | rename OLD NEW | merge FROM... INTO | delete T --yes`: the library's tag vocabulary.

Tags are hierarchical (`security/terrorism`); renaming, merging and deleting a tag takes its children along
(reader/core/library/tags.py). Without --yes `delete` deletes nothing: it says what it would take off and
exits 2, as `hawamish delete` does (there is no undo on the command line)."""

from __future__ import annotations

import argparse

from reader.core.errors import ErrorCode, HawamishError
from reader.core.library.tags import TagEdit, TagInfo


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "tags",
        parents=[common],
        help="the tags of highlights and articles: list, rename, merge, delete",
        description="Tags across the library. Tags are hierarchical: 'security/terrorism' is a child of "
        "'security'; renaming, merging or deleting a tag does the same to its children.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", parents=[common], help="every tag with its highlights and articles")
    rename = actions.add_parser("rename", parents=[common], help="rename a tag (onto an existing one: merge)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    merge = actions.add_parser("merge", parents=[common], help="merge tags into one")
    merge.add_argument("sources", nargs="+", metavar="FROM")
    merge.add_argument("into", metavar="INTO")
    delete = actions.add_parser("delete", parents=[common], help="take a tag off every highlight and article")
    delete.add_argument("tag", metavar="T")
    delete.add_argument("--yes", action="store_true", help="really delete")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace, ctx) -> int:
    tags = ctx.library.tags
    if args.action == "list":
        _print_list(tags.list(), ctx)
        return 0
    if args.action == "delete" and not args.yes:
        info = _find(tags.list(), args.tag)
        if info is None:
            raise HawamishError(ErrorCode.NOT_FOUND, detail=f"tag {args.tag}")
        ctx.error(
            f"would delete {info.name} and its children: {info.highlights} highlights and "
            f"{info.articles} articles carry them"
        )
        ctx.error("tags delete: nothing deleted; add --yes to delete")
        return 2
    if args.action == "rename":
        edit = tags.rename(args.old, args.new)
    elif args.action == "merge":
        edit = tags.merge(args.sources, args.into)
    else:
        edit = tags.delete(args.tag)
    _print_edit(edit, ctx)
    return 0


def _find(infos: list[TagInfo], name: str) -> TagInfo | None:
    from reader.core.library.tags import clean_tag

    wanted = clean_tag(name)
    return next((t for t in infos if t.name == wanted), None)


def _print_list(infos: list[TagInfo], ctx) -> None:
    if ctx.json:
        ctx.emit_json(
            [
                {
                    "name": t.name,
                    "parent": t.parent,
                    "highlights": t.highlights,
                    "articles": t.articles,
                    "used": t.used,
                }
                for t in infos
            ]
        )
        return
    for t in infos:
        print(f"{t.highlights:>6} {t.articles:>6}  {'  ' * t.depth}{t.name}", file=ctx.out)


def _print_edit(edit: TagEdit, ctx) -> None:
    if ctx.json:
        ctx.emit_json(
            {
                "action": edit.action,
                "tags": list(edit.tags),
                "into": edit.target,
                "highlights": sorted(edit.highlights),
                "articles": sorted(edit.articles),
            }
        )
        return
    names = ", ".join(edit.tags)
    what = f"{len(edit.highlights)} highlights and {len(edit.articles)} articles"
    if edit.action == "delete":
        print(f"deleted {names} from {what}", file=ctx.out)
    else:
        print(f"{edit.action}d {names} into {edit.target} on {what}", file=ctx.out)
