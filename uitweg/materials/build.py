"""`python -m uitweg.materials SITE_DIR`: put every file the materials page
offers into SITE_DIR/files/ and fill in the built materials pages.

Runs on a freshly built site (`make site` builds into site.tmp, runs this,
and only then replaces site/: a failure leaves the old site as it was). In
order, because the USB copy and the Kiwix files contain the pages:

1. the print PDFs (or a folder of them built beside the site) and a preview
   of each one's first page; the pocket files; the key for checking;
2. the materials pages get their lists, with the sizes of those files;
3. the offline build of the site (uitweg/offline/variant.py) becomes the
   USB copy (signed when a key is given) and, in its own process, the
   Kiwix files (uitweg/kiwix: libzim is GPL-3.0);
4. the sizes of the zip and the Kiwix files go into the online pages; the
   output check judges every filled page again; budgets; compressed twins.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from uitweg.core.languages import load_languages
from uitweg.core.problems import BuildError
from uitweg.core.siteconfig import site_url
from uitweg.gate.output_check import output_problems
from uitweg.gate.table_text import load_checked_contacts
from uitweg.materials.catalog import make_catalog
from uitweg.materials.page import Facts, fill_page, fill_sizes, staff_readme
from uitweg.materials.previews import first_page_preview
from uitweg.materials.settings import load_budgets, load_materials, zip_budget
from uitweg.offline import signing
from uitweg.offline.bundle import BundleError, build_bundle, signing_key_from_env, unsigned_warning
from uitweg.offline.pocket import build_pocket
from uitweg.offline.settings import ALLOWED_SIGNERS, load_offline
from uitweg.offline.variant import offline_files
from uitweg.postbuild.compress import brotli_bytes, gzip_bytes
from uitweg.printing import build as print_build
from uitweg.printing.layouts import editions
from uitweg.printing.texts import load_print_data

PAGE = "materials"


class MaterialsError(Exception):
    pass


@dataclass
class Result:
    sizes: dict[str, int]
    signed: bool
    pages: list[str]


def build_date() -> str:
    """The date the page shows and the Kiwix files carry: SOURCE_DATE_EPOCH
    when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = dt.datetime.fromtimestamp(int(epoch), dt.UTC) if epoch else dt.datetime.now(dt.UTC)
    return when.date().isoformat()


def page_path(code: str, default: str) -> str:
    return f"{PAGE}.html" if code == default else f"{code}/{PAGE}.html"


def write_twins(path: Path) -> None:
    """The .gz and .br twins of a changed page (deploy/nginx.conf serves them)."""
    data = path.read_bytes()
    for suffix, pack in ((".gz", gzip_bytes), (".br", brotli_bytes)):
        twin, packed = path.with_name(path.name + suffix), pack(data)
        if len(packed) < len(data):
            twin.write_bytes(packed)
        else:
            twin.unlink(missing_ok=True)


def build_materials(site: Path, key: Path | None = None, allowed_signers: Path = ALLOWED_SIGNERS,
                    print_dir: Path | None = None, date: str | None = None) -> Result:
    site = Path(site)
    settings, budgets = load_materials(), load_budgets()
    languages = load_languages()
    table = load_checked_contacts(languages=languages)
    url, date = site_url(), date or build_date()
    default = languages.default.code
    all_editions = editions(load_print_data(table, languages), languages)
    catalog = make_catalog(settings, languages, all_editions)
    folder = site / catalog.folder
    if not (site / "index.html").is_file():
        raise MaterialsError(f"{site}/index.html is missing: build the site first")
    if folder.exists():
        raise MaterialsError(f"{folder} exists already: run this on a fresh build of the site (make site)")
    problems: list[str] = []

    # 1. Print PDFs and previews, pocket files, the key.
    pdf_dir = folder / "print"
    if print_dir:
        pdf_dir.mkdir(parents=True)
        for p in catalog.prints:
            shutil.copyfile(Path(print_dir) / p.edition.filename, site / p.pdf)
    else:
        print_build.build(pdf_dir)
    preview_sizes = {}
    for p in catalog.prints:
        preview_sizes[p.preview] = first_page_preview(site / p.pdf, site / p.preview, settings["preview_width"])
    for pocket in build_pocket(site):
        (site / catalog.pocket[pocket.lang]).write_text(pocket.html, encoding="utf-8")
    fingerprint = None
    if key:
        fingerprint = signing.fingerprint(signing.read_allowed_signers(allowed_signers))
        shutil.copyfile(allowed_signers, site / catalog.allowed_signers)
    sizes = {path: (site / path).stat().st_size for path in catalog.all_paths() if (site / path).is_file()}

    # 2. The lists in the pages.
    texts = settings["texts"]
    missing = [c for c in languages.codes if c not in texts]
    if missing:
        raise MaterialsError(f"data/materials.yml has no texts for {', '.join(missing)}; add them under `texts:`")
    facts = Facts(url, date, fingerprint, sizes, settings["staff_readme"], settings["commands"], preview_sizes)
    pages = {}
    for lang in languages.languages:
        rel = page_path(lang.code, default)
        file = site / rel
        if not file.is_file():
            raise MaterialsError(f"{file} is missing: docs/{lang.code}/{PAGE}.md must exist for every language")
        filled, parts = fill_page(file.read_text(encoding="utf-8"), rel, lang, languages, catalog, facts, texts)
        if sorted(parts) != sorted(("usb", "pocket", "print", "kiwix", "check")):
            raise MaterialsError(f"docs/{lang.code}/{PAGE}.md: expected one empty <div class=\"uw-files uw-files-PART\"></div> "
                                 f"for each of usb, pocket, print, kiwix, check; found {', '.join(parts) or 'none'}")
        file.write_text(filled, encoding="utf-8")
        pages[lang.code] = file

    # 3. The offline build: USB copy and Kiwix files.
    offline = offline_files(site, load_offline()["bundle"]["exclude"], catalog.folder, url)
    readme = (settings["staff_readme"], staff_readme(languages, catalog, facts, texts))
    try:
        bundle = build_bundle(None, site / catalog.zip, key, allowed_signers, files=offline, staff_readme=readme)
    except BundleError as exc:
        raise MaterialsError(str(exc)) from exc
    made = subprocess.run([sys.executable, "-m", "uitweg.kiwix", str(site / catalog.zip), str(folder),
                           "--name", settings["files"]["kiwix"], "--date", date], capture_output=True, text=True)
    if made.returncode != 0:
        raise MaterialsError(f"the Kiwix files could not be made:\n{made.stderr.strip()}")

    # 4. Sizes, the output check, budgets, twins.
    sizes = {path: (site / path).stat().st_size for path in catalog.all_paths() if (site / path).is_file()}
    absent = [p for p in catalog.all_paths() if p not in sizes and (key or p != catalog.allowed_signers)]
    if absent:
        problems.append(f"not made: {', '.join(absent)}")
    call_words = languages.all_call_words()
    for lang in languages.languages:
        file = pages[lang.code]
        html = fill_sizes(file.read_text(encoding="utf-8"), sizes, texts[lang.code]["decimal"])
        problems += [f"{file.relative_to(site)}:{line}: {msg}" for line, msg in output_problems(html, table, call_words, url)]
        file.write_text(html, encoding="utf-8")
        write_twins(file)
    limit = zip_budget(len(languages.codes), budgets)
    if bundle.size > limit:
        problems.append(f"{catalog.zip}: {bundle.size:,} bytes is over the budget of {limit:,} (data/budgets.yml, materials)")
    for path in catalog.kiwix.values():
        if sizes.get(path, 0) > budgets["zim_max_bytes"]:
            problems.append(f"{path}: {sizes[path]:,} bytes is over the budget of {budgets['zim_max_bytes']:,} "
                            "(data/budgets.yml, materials.zim_max_bytes)")
    for p in catalog.prints:
        if sizes.get(p.preview, 0) > budgets["preview_max_bytes"]:
            problems.append(f"{p.preview}: {sizes[p.preview]:,} bytes is over the budget of "
                            f"{budgets['preview_max_bytes']:,} (data/budgets.yml, materials.preview_max_bytes)")
    if problems:
        raise MaterialsError("The materials have problems:\n  " + "\n  ".join(problems))
    return Result(sizes, key is not None, [str(p.relative_to(site)) for p in pages.values()])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m uitweg.materials", description=__doc__.split("\n\n")[0])
    ap.add_argument("site_dir", type=Path)
    ap.add_argument("--key", type=Path, default=None, help="private signing key (default: $UITWEG_SIGNING_KEY)")
    ap.add_argument("--allowed-signers", type=Path, default=ALLOWED_SIGNERS)
    ap.add_argument("--print-dir", type=Path, default=None, help="use the PDFs in this folder instead of building them")
    args = ap.parse_args(argv)
    key = args.key or signing_key_from_env()
    try:
        result = build_materials(args.site_dir, key, args.allowed_signers, args.print_dir)
    except (MaterialsError, BuildError, signing.KeyProblem) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    total = sum(result.sizes.values())
    print(f"materials: {len(result.sizes)} files, {total / 1024:.0f} KB, in {args.site_dir}/files")
    if not result.signed:
        print(unsigned_warning(Path(args.site_dir) / "files" / load_materials()["files"]["zip"]), file=sys.stderr)
    return 0






