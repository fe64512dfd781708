#!/usr/bin/env python3
"""Mesure le cours : temps de construction, poids des pages, recherche, hors-ligne, fiches, Lighthouse.

Affiche un tableau Markdown et écrit les mêmes chiffres en JSON (build/bench.json par défaut).
Les temps dépendent de la machine : ils sont mesurés ici, jamais vérifiés par les tests.
Les tailles, elles, ont leurs plafonds dans les tests (tests/test_budgets.py).

Mesures :
- construction complète du site, et celle des mêmes pages avec Material seul (sans nos hooks,
  ni nos CSS et JS), dans la même exécution : le rapport des deux ;
- par type de page (accueil, module, leçon, quiz, parcours, animateurs) et par langue, ce que
  Chromium charge vraiment à la première visite sur un téléphone (360 × 740) : octets gzip
  (HTML, CSS, JS, polices, images) et nombre de requêtes ;
- l'index de recherche et le téléchargement « Garder le cours » par langue, le zip ;
- chaque fichier JS et CSS à nous, en gzip ;
- l'export des fiches à imprimer (temps, tailles), sauf avec --sans-fiches ;
- les scores Lighthouse (mobile) de 6 pages, médiane de 3 passages, avec TBT, LCP et la puissance
  de la machine (benchmarkIndex), si Lighthouse est installé (make bench l'installe dans
  scripts/lighthouse/ avec npm ; sinon --sans-lighthouse) ; avec --etalonner, les mêmes pages
  encore, avec le ralentissement du processeur que Lighthouse conseille pour cette machine.

Usage : python scripts/bench.py [--json build/bench.json] [--sans-fiches] [--sans-lighthouse] [--passages N] [--etalonner]
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
JS = ROOT / "docs" / "assets" / "javascripts"
CSS = ROOT / "docs" / "assets" / "stylesheets"
sys.path.insert(0, str(ROOT / "tests"))
import budgets  # noqa: E402  (tests/budgets.py: the limits the tests assert)

LIGHTHOUSE = ROOT / "scripts" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LANGS = ("fr", "ar", "en")
# One page per type (French path; ar/ and en/ in front for the other languages)
PAGES = {
    "accueil": "index.html",
    "module": "modules/02-e-mail/index.html",
    "leçon": "modules/02-e-mail/06-reconnaitre-un-message-piege.html",
    "quiz": "quizzes/02-e-mail.html",
    "parcours": "parcours/formation-3-seances.html",
    "animateurs": "formateurs/index.html",
}
LIGHTHOUSE_PAGES = [(kind, lang) for lang in ("fr", "ar") for kind in ("accueil", "leçon", "quiz")]
# Same flags as the tests: Debian's Chromium, kept off the network (DESIGN.md)
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def ko(n: float) -> str:
    return f"{n / 1024:.1f} Ko"


def run(cmd: list[str], **kw) -> float:
    """Run a command, stop with its output if it fails; return the seconds it took."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **kw.pop("env", {})}
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, **kw)
    if result.returncode != 0:
        sys.exit(f"Échec de : {' '.join(cmd)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


# --- Builds --------------------------------------------------------------------------


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose slugify option is a !!python tag."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def plain_config(work: Path) -> Path:
    """The same pages with plain Material: our Markdown extensions, no hooks, CSS, JS or overrides."""
    ours = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    extensions = []
    for ext in ours["markdown_extensions"]:
        name = next(iter(ext)) if isinstance(ext, dict) else ext
        options = ext[name] if isinstance(ext, dict) else None
        if name == "toc" and options:
            options = {k: v for k, v in options.items() if k != "slugify"}
        if name == "pymdownx.snippets":
            options = {**(options or {}), "base_path": [str(ROOT)]}
        extensions.append({name: options} if options else name)
    config = {
        "site_name": ours["site_name"], "docs_dir": str(ROOT / "docs"), "use_directory_urls": False,
        "theme": {"name": "material", "language": "fr"},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "fallback_to_default": True,
                                        "languages": [{"locale": lang, "default": lang == "fr", "build": True,
                                                       "name": lang} for lang in LANGS]}}],
        "markdown_extensions": extensions,
        "exclude_docs": ours.get("exclude_docs", ""), "nav": ours["nav"],
    }
    path = work / "mkdocs-material-seul.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def bench_builds(work: Path) -> tuple[dict, Path]:
    site = work / "site"
    ours = run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)])
    plain = run([sys.executable, "-m", "mkdocs", "build", "-f", str(plain_config(work)),
                 "--site-dir", str(work / "site-material-seul")])
    return {"notre_site_s": round(ours, 1), "material_seul_s": round(plain, 1),
            "rapport": round(ours / plain, 2)}, site


# --- Pages in Chromium -----------------------------------------------------------------


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves the site as GitHub Pages does: HTTP/1.1, text compressed with gzip when asked.

    Python's plain server sends everything uncompressed, and Lighthouse then simulates a slow
    phone network over 4 times more bytes than parents really download.
    """

    protocol_version = "HTTP/1.1"
    COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".txt", ".xml"}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if (path.suffix in self.COMPRESSED and path.is_file()
                and "gzip" in self.headers.get("Accept-Encoding", "")):
            body = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            import io
            return io.BytesIO(body)
        return super().send_head()


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def bench_pages(site: Path, base: str) -> list[dict]:
    """What a phone downloads on a first visit: every request until the network is idle."""
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_FLAGS)
        for kind, rel in PAGES.items():
            for lang in LANGS:
                path = rel if lang == "fr" else f"{lang}/{rel}"
                if not (site / path).is_file():
                    continue
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                              service_workers="block")
                page = context.new_page()
                urls: list[str] = []
                page.on("requestfinished", lambda request: urls.append(request.url))
                page.goto(base + path, wait_until="networkidle")
                sizes = {"html": 0, "css": 0, "js": 0, "polices": 0, "images": 0, "recherche": 0, "autres": 0}
                for url in urls:
                    rel_url = url.removeprefix(base).split("?")[0].split("#")[0]
                    file = site / rel_url
                    if not file.is_file():
                        continue
                    ext = file.suffix.lower()
                    key = {".html": "html", ".css": "css", ".js": "js", ".woff2": "polices", ".woff": "polices",
                           ".svg": "images", ".png": "images", ".jpg": "images", ".webp": "images"}.get(ext, "autres")
                    # The search (its worker, lunr, the index) loads after the page: counted apart
                    if "/workers/" in rel_url or "/lunr/" in rel_url or "search_index" in rel_url:
                        key = "recherche"
                    sizes[key] += gz(file.read_bytes())
                rows.append({"type": kind, "langue": lang, "page": path, "requetes": len(urls),
                             "octets_gzip": sum(sizes.values()), **sizes})
                context.close()
        browser.close()
    return rows


# --- Files -------------------------------------------------------------------------------


def bench_files(site: Path, work: Path) -> dict:
    search = {}
    for lang in LANGS:
        folder = site if lang == "fr" else site / lang
        index = folder / "search" / "search_index.json"
        if index.is_file():
            data = index.read_bytes()
            search[lang] = {"octets": len(data), "gzip": gz(data)}
    offline = {}
    data = json.loads((site / "offline.json").read_text(encoding="utf-8"))
    for lang, files in data["langs"].items():
        offline[lang] = {"fichiers": len(files), "octets": sum(data["files"][f][0] for f in files)}
    zip_path = work / "parents-connectes.zip"
    run([sys.executable, "scripts/make_zip.py", "--site", str(site), "--output", str(zip_path)])
    own = {}  # as parents download them: the site's copies, minified (overrides/hooks/minify.py)
    for folder in (JS, CSS):
        for file in sorted(folder.glob("*.js")) + sorted(folder.glob("*.css")):
            rel = file.relative_to(ROOT / "docs").as_posix()
            own[rel] = gz((site / rel).read_bytes())
    return {"recherche": search, "hors_ligne": offline, "zip_octets": zip_path.stat().st_size, "nos_fichiers": own}


def bench_handouts(work: Path) -> dict:
    out = work / "fiches"
    seconds = run([sys.executable, "scripts/export_handouts.py", "--out", str(out)])
    pdfs = sorted(out.rglob("*.pdf"))
    sizes = [p.stat().st_size for p in pdfs]
    return {"temps_s": round(seconds, 1), "nombre": len(pdfs), "min_octets": min(sizes, default=0),
            "max_octets": max(sizes, default=0), "total_octets": sum(sizes)}


def cpu_multiplier(benchmark_index: float) -> float:
    """The CPU slowdown Lighthouse's documentation suggests for a machine of this power.

    Lighthouse multiplies the CPU time it observed by 4, a factor chosen for a high-end desktop
    (benchmarkIndex 1500-2000) to look like a mid-tier phone; on a slower machine it suggests a
    lower factor (docs/throttling.md, « Calibrating the CPU slowdown », and the calculator it links to,
    github.com/patrickhulce/lighthouse-cpu-throttling-calculator: 1300 → 3×, 800 → 2×, 150 → 1×).
    """
    if benchmark_index >= 1300:
        return round(3 + (benchmark_index - 1300) / 233, 1)
    if benchmark_index >= 800:
        return round(2 + (benchmark_index - 800) / 500, 1)
    return round(max(1.0, 1 + (benchmark_index - 150) / 650), 1)


def lighthouse_page(base: str, rel: str, report_stem: Path, runs: int, extra: tuple[str, ...] = ()) -> dict:
    """One page ``runs`` times: the median of each score, of TBT and LCP, and of the machine's power."""
    scores: dict[str, list[int]] = {}
    metrics: dict[str, list[float]] = {"tbt_ms": [], "lcp_ms": [], "benchmark_index": []}
    for n in range(runs):
        report = report_stem.with_name(f"{report_stem.name}-{n}.json")
        cmd = [str(LIGHTHOUSE), base + rel, "--quiet", "--output=json", f"--output-path={report}",
               "--only-categories=performance,accessibility,best-practices,seo",
               "--chrome-flags=" + " ".join(CHROME_FLAGS), *extra]
        run(cmd, env={"CHROME_PATH": CHROMIUM})
        data = json.loads(report.read_text(encoding="utf-8"))
        for key, c in data["categories"].items():
            scores.setdefault(key, []).append(round(c["score"] * 100))
        metrics["tbt_ms"].append(data["audits"]["total-blocking-time"]["numericValue"])
        metrics["lcp_ms"].append(data["audits"]["largest-contentful-paint"]["numericValue"])
        metrics["benchmark_index"].append(data["environment"]["benchmarkIndex"])
    return {"page": rel, **{key: statistics.median_low(v) for key, v in scores.items()},
            "performance_runs": scores["performance"],
            **{key: round(statistics.median(v)) for key, v in metrics.items()}}


def bench_lighthouse(site: Path, base: str, work: Path, runs: int, calibrate: bool) -> list[dict]:
    """Each page ``runs`` times with Lighthouse's default settings (the ones the figures to reach
    are stated with); with ``calibrate``, again with the CPU slowdown suggested for this machine."""
    rows = []
    for kind, lang in LIGHTHOUSE_PAGES:
        rel = PAGES[kind] if lang == "fr" else f"{lang}/{PAGES[kind]}"
        row = lighthouse_page(base, rel, work / f"lighthouse-{lang}-{kind}", runs)
        if calibrate:
            factor = cpu_multiplier(row["benchmark_index"])
            again = lighthouse_page(base, rel, work / f"lighthouse-{lang}-{kind}-etalonne", runs,
                                    (f"--throttling.cpuSlowdownMultiplier={factor}",))
            row["etalonne"] = {"facteur_cpu": factor, "performance": again["performance"],
                               "performance_runs": again["performance_runs"], "tbt_ms": again["tbt_ms"]}
        rows.append(row)
    return rows


# --- Report ------------------------------------------------------------------------------


def table(headers: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def report(results: dict) -> str:
    b = results["construction"]
    parts = ["## Construction", table(["notre site", "Material seul", "rapport"],
                                      [[f"{b['notre_site_s']} s", f"{b['material_seul_s']} s", f"× {b['rapport']}"]])]
    parts += ["## Première visite sur téléphone (gzip, tout ce que Chromium charge)",
              table(["type", "langue", "requêtes", "total", "HTML", "CSS", "JS", "images", "recherche"],
                    [[r["type"], r["langue"], r["requetes"], ko(r["octets_gzip"]), ko(r["html"]), ko(r["css"]),
                      ko(r["js"]), ko(r["images"]), ko(r["recherche"])] for r in results["pages"]])]
    f = results["fichiers"]
    parts += ["## Recherche et hors-ligne",
              table(["langue", "index de recherche", "(gzip)", "« Garder le cours »", "fichiers"],
                    [[lang, ko(f["recherche"][lang]["octets"]), ko(f["recherche"][lang]["gzip"]),
                      ko(f["hors_ligne"][lang]["octets"]), f["hors_ligne"][lang]["fichiers"]] for lang in LANGS]),
              f"Zip du cours : {ko(f['zip_octets'])}"]
    parts += ["## Nos fichiers JS et CSS (gzip, minifiés, tels que téléchargés)",
              table(["fichier", "gzip"], [[name, f"{size} o"] for name, size in f["nos_fichiers"].items()])]
    def frame(r: dict) -> int:  # HTML, CSS, JS, fonts: no images, no search (as tests/test_build.py)
        return r["html"] + r["css"] + r["js"] + r["polices"]

    worst_page = max(results["pages"], key=frame)
    parts += ["## Face aux plafonds des tests (tests/budgets.py)",
              table(["mesure", "au pire", "plafond"], [
                  [f"première visite, ni images ni recherche ({worst_page['page']})",
                   ko(frame(worst_page)), ko(budgets.FIRST_LOAD)],
                  ["index de recherche d'une langue", ko(max(v["octets"] for v in f["recherche"].values())),
                   ko(budgets.SEARCH_INDEX)],
                  ["« Garder le cours » d'une langue", ko(max(v["octets"] for v in f["hors_ligne"].values())),
                   ko(budgets.OFFLINE_DOWNLOAD)],
              ])]
    if "fiches" in results:
        h = results["fiches"]
        parts += ["## Fiches à imprimer", table(["PDF", "temps", "plus petit", "plus gros", "total"],
                                                [[h["nombre"], f"{h['temps_s']} s", ko(h["min_octets"]),
                                                  ko(h["max_octets"]), ko(h["total_octets"])]])]
    if results.get("lighthouse"):
        keys = ["performance", "accessibility", "best-practices", "seo"]
        parts += ["## Lighthouse (mobile, réglages par défaut, médiane des passages)",
                  table(["page", *keys, "performance à chaque passage", "TBT", "LCP", "puissance (benchmarkIndex)"],
                        [[r["page"], *(r.get(k, "") for k in keys), " ".join(map(str, r.get("performance_runs", []))),
                          f"{r.get('tbt_ms', '')} ms", f"{r.get('lcp_ms', '')} ms", r.get("benchmark_index", "")]
                         for r in results["lighthouse"]])]
        if any("etalonne" in r for r in results["lighthouse"]):
            parts += ["### Avec le ralentissement du processeur conseillé pour cette machine (--etalonner)",
                      table(["page", "facteur (au lieu de 4)", "performance", "à chaque passage", "TBT"],
                            [[r["page"], f"× {r['etalonne']['facteur_cpu']}", r["etalonne"]["performance"],
                              " ".join(map(str, r["etalonne"]["performance_runs"])), f"{r['etalonne']['tbt_ms']} ms"]
                             for r in results["lighthouse"] if "etalonne" in r])]
    return "\n\n".join(parts) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                     epilog="Les temps ne sont jamais vérifiés par les tests ; les tailles, si.")
    parser.add_argument("--json", type=Path, default=ROOT / "build" / "bench.json", help="où écrire les chiffres")
    parser.add_argument("--sans-fiches", action="store_true", help="ne pas mesurer l'export des fiches (1 à 4 min)")
    parser.add_argument("--sans-lighthouse", action="store_true", help="ne pas lancer Lighthouse")
    parser.add_argument("--passages", type=int, default=3, metavar="N",
                        help="passages de Lighthouse par page, on garde la médiane (3 par défaut)")
    parser.add_argument("--etalonner", action="store_true",
                        help="relancer Lighthouse avec le ralentissement du processeur que sa documentation "
                             "conseille pour la puissance de cette machine (pour comparer ; l'objectif reste "
                             "mesuré avec les réglages par défaut)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pc-bench-") as tmp:
        work = Path(tmp)
        print("Construction du site, deux fois…", file=sys.stderr)
        results: dict = {}
        results["construction"], site = bench_builds(work)
        server, base = serve(site)
        try:
            print("Pages dans Chromium…", file=sys.stderr)
            results["pages"] = bench_pages(site, base)
            results["fichiers"] = bench_files(site, work)
            if not args.sans_fiches:
                print("Export des fiches…", file=sys.stderr)
                results["fiches"] = bench_handouts(work)
            if not args.sans_lighthouse:
                if LIGHTHOUSE.is_file() and shutil.which("node"):
                    print("Lighthouse…", file=sys.stderr)
                    results["lighthouse"] = bench_lighthouse(site, base, work, max(1, args.passages), args.etalonner)
                else:
                    print("Lighthouse absent : lancez « make bench » (il l'installe avec npm).", file=sys.stderr)
        finally:
            server.shutdown()
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    print(report(results))
    print(f"Chiffres écrits dans {args.json}", file=sys.stderr)


if __name__ == "__main__":
    main()
