"""Command line: python -m sitegen validate | build | serve | new | schemas | generate (see --help).

The command line is where the core (this package) meets its host: the commands that build,
preview or start a site come from the MkDocs/Pagefind adapter (sitegen_mkdocs/), which the
core modules themselves never import.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from sitegen_mkdocs.build import (CONFIGS, SAVE_OPTION, TODAY_OPTION, VALIDATED_OPTION, build, generate_language,
                                  validate)
from sitegen_mkdocs.serve import add_options  # the preview's options; the preview itself loads when run


class _Parser(argparse.ArgumentParser):
    """argparse, ending its complaint about wrong arguments with a line in both languages
    (argparse's own detail is English; the exit status stays 2, as for any usage mistake)."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {message}\n"
                     "コマンドの引数が正しくありません。--help で使い方を表示します / "
                     "wrong arguments; --help shows how to use it\n")


def _project_folder(value: str) -> Path:
    folder = Path(value).resolve()
    if not folder.is_dir():
        raise argparse.ArgumentTypeError(f"フォルダ {value} がありません / no folder {value}")
    return folder


def _new_folder(value: str) -> Path:
    folder = Path(value).resolve()
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise argparse.ArgumentTypeError(f"{value} は空のフォルダではありません / {value} is not an empty folder")
    return folder


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日付は YYYY-MM-DD で / a date as YYYY-MM-DD (got {value!r})") from None


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m sitegen",
                     description="データ(data/*.yaml)の検証とサイトの作成 / check the data (data/*.yaml) and build the site")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str, root_optional: bool = True) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if root_optional:
            sub.add_argument("root", metavar="ROOT", type=_project_folder, nargs="?", default=".",
                             help="プロジェクトのフォルダ(省略時は現在のフォルダ) / "
                                  "the project folder (default: the current folder)")
        else:
            sub.add_argument("root", metavar="ROOT", type=_project_folder,
                             help="プロジェクトのフォルダ / the project folder")
        return sub

    validate_cmd = command("validate", "data/*.yaml だけを検証する(誤りがあれば終了コード1) / "
                                       "check data/*.yaml only (exit status 1 on mistakes)")
    validate_cmd.add_argument(SAVE_OPTION, metavar="FILE", type=Path, dest="save_validated",
                              help="検証したデータを FILE に保存する(build が内部で使う) / "
                                   "save the validated data to FILE (used by build)")
    command("build", "検証して日本語と英語のサイトを site/ に作る / validate, then build both languages into site/")
    serve_cmd = command("serve", "プレビュー(両言語・検索つき、保存するたびに更新) / "
                                 "live preview, both languages and search, rebuilt on every save")
    add_options(serve_cmd)
    new_cmd = commands.add_parser(
        "new", help="別の事業のサイトのひな形を DIR に作る / write a starter project for another program into DIR",
        description="別の事業のサイトのひな形(例の記録つきのデータ、設定、両言語のページ、MkDocsの設定)を DIR に作る。"
                    "作成は python -m sitegen build DIR / write a starter project (data with one example record "
                    "per kind, settings, the pages in both languages, MkDocs settings) into DIR; "
                    "build it with python -m sitegen build DIR")
    new_cmd.add_argument("root", metavar="DIR", type=_new_folder,
                         help="新しいフォルダ(空のフォルダでも可) / a new (or empty) folder")
    command("schemas", "schemas/*.schema.json をモデルから作り直す / regenerate schemas/*.schema.json from the models")
    generate_cmd = command("generate", "1言語分のページを FOLDER に書き出す(build が内部で使う) / "
                                       "write one language's generated pages to FOLDER (used by build)",
                           root_optional=False)  # LANG and FOLDER follow it
    generate_cmd.add_argument("lang", metavar="LANG", choices=list(CONFIGS), help="言語 / language: " + ", ".join(CONFIGS))
    generate_cmd.add_argument("folder", metavar="FOLDER", type=Path, help="書き出し先 / where to write the pages")
    generate_cmd.add_argument(VALIDATED_OPTION, metavar="FILE", type=Path, dest="validated",
                              help="validate --save-validated で保存したデータを読む(省略時はここで検証する) / "
                                   "read the data saved by validate --save-validated (without it, the data is checked here)")
    generate_cmd.add_argument(TODAY_OPTION, metavar="YYYY-MM-DD", type=_date, dest="today",
                              help="今日として扱う日付(省略時は SITE_TODAY か日本の今日) / "
                                   "the date taken as today (default: SITE_TODAY, or today in Japan)")
    return parser


def main(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.command == "schemas":
        from .schemas import write_schemas

        for path in write_schemas(args.root):
            print(path.relative_to(args.root))
        return 0
    if args.command == "generate":
        return generate_language(args.root, args.lang, args.folder, args.validated, args.today)
    if args.command == "serve":
        from sitegen_mkdocs.serve.__main__ import preview

        return preview(args.root, args.host, args.port)
    if args.command == "new":
        from sitegen_mkdocs.new_project import write_starter

        return write_starter(args.root)
    if args.command == "validate":
        return validate(args.root, args.save_validated)
    return build(args.root)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
