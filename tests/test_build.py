"""The whole product: the CLI builds a brief from the real essays; the PDF is read back."""
from __future__ import annotations

import html
import os
import shutil
import re
import subprocess
import sys
import time
from datetime import date, datetime, timezone

import pdfplumber
import pytest
from pypdf import PdfReader

from conftest import CHECKER, ESSAY_G20, ESSAY_XI, EXAMPLE_FILES, EXAMPLES, ROOT, SHARED_ESSAYS, pdf_text, run_brief, squash
from pipeline.ingest import read_essay


def test_pdf_passes_qpdf(built):
    check = subprocess.run(["qpdf", "--check", str(built["pdf"])], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No syntax or stream encoding errors" in check.stdout


def test_only_embedded_subset_shipped_fonts(built):
    lines = subprocess.run(["pdffonts", str(built["pdf"])], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert lines
    for line in lines:
        name, *_rest = line.split()
        emb, sub = line.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), line
        assert re.match(r"[A-Z]{6}\+Brief-(Serif|Sans)-TC", name), line


def test_pdf_text_has_titles_and_every_finding(built):
    text = squash(pdf_text(built["pdf"]))
    for essay in built["json"]["essays"]:
        assert squash(essay["title"]) in text
        for item in essay["findings"] + essay["taiwan"]["recommendations"] + essay["taiwan"]["implications"]:
            assert squash(item["text"]) in text, item["text"]


def test_json_follows_the_contract(built):
    check = subprocess.run([str(CHECKER), str(built["json_path"]), str(SHARED_ESSAYS)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    doc = built["json"]
    assert doc["schema"] == "brief/1" and doc["generated_by"].startswith("brief ")
    assert [e["id"] for e in doc["essays"]] == [ESSAY_G20.stem, ESSAY_XI.stem]


def test_every_quote_is_the_cleaned_text_at_its_offsets(built):
    for entry, path in zip(built["json"]["essays"], (ESSAY_G20, ESSAY_XI)):
        essay = read_essay(path)
        assert entry["sha256"] == essay.sha256
        items = entry["summary"] + entry["findings"] + entry["taiwan"]["recommendations"] + entry["taiwan"]["implications"]
        for item in items:
            src = item["source"]
            assert essay.text[src["start"]:src["end"]] == src["quote"]
            assert src["essay"] == entry["id"]
    synthesis = built["json"]["synthesis"]
    assert synthesis["themes"] and all(len(t["essays"]) >= 2 for t in synthesis["themes"])
    for item in synthesis["agreements"] + synthesis["divergences"]:
        essay = read_essay(SHARED_ESSAYS / f"{item['source']['essay']}.txt")
        assert essay.text[item["source"]["start"]:item["source"]["end"]] == item["source"]["quote"]


def test_pdf_metadata_pages_and_bookmarks(built):
    reader = PdfReader(built["pdf"])
    info = reader.metadata
    assert info.title == "政策評析簡報"
    assert info.author == "黃瓊萩"
    assert reader.trailer["/Root"]["/Lang"] == "zh-Hant-TW"
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    titles = [o.title for o in reader.outline if not isinstance(o, list)]
    assert any("評析G20拜習高峰會" in t for t in titles) and "綜合研析" in titles
    pages = len(reader.pages)
    for n, page in enumerate(reader.pages, 1):
        assert f"第 {n} 頁，共 {pages} 頁" in page.extract_text()


def test_headings_in_sans_and_body_in_serif(built):
    with pdfplumber.open(built["pdf"]) as pdf:
        page = next(p for p in pdf.pages if "主要發現" in (p.extract_text() or ""))  # the first essay's page
        heading = [c for c in page.chars if c["text"] in "主要發現" and c["size"] > 11]
        body = [c for c in page.chars if c["size"] < 11 and "\u4e00" <= c["text"] <= "\u9fff"]
    assert heading and all("Sans" in c["fontname"] and "Bold" in c["fontname"] for c in heading)
    assert sum("Serif" in c["fontname"] for c in body) > 0.9 * len(body)


def test_no_argument_builds_the_examples_into_out(tmp_path):
    result = run_brief("build", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    text = squash(pdf_text(tmp_path / "out" / "brief.pdf"))
    for path in EXAMPLE_FILES:
        assert squash(read_essay(path).title) in text


def test_a_brief_among_the_essays_is_passed_over(tmp_path):
    """A brief left in the essays' folder (last week's, built beside them) is no essay: found
    in a folder it is passed over with a warning; named, it is read as the user asked."""
    folder = tmp_path / "essays"
    folder.mkdir()
    essay = EXAMPLE_FILES[0]
    (folder / essay.name).write_bytes(essay.read_bytes())
    built = run_brief("build", str(folder), "-o", str(tmp_path / "last-week.pdf"))
    assert built.returncode == 0, built.stderr
    (tmp_path / "last-week.pdf").rename(folder / "last-week.pdf")
    result = run_brief("extract", str(folder))
    assert result.returncode == 0, result.stderr
    assert "last-week.pdf: skipped, a brief made by taiwan-brief" in result.stderr
    import json

    assert [e["id"] for e in json.loads(result.stdout)["essays"]] == [essay.stem]


def test_extract_prints_json_to_stdout():
    result = run_brief("extract", str(ESSAY_XI))
    assert result.returncode == 0, result.stderr
    assert '"schema": "brief/1"' in result.stdout and "黃瓊萩" in result.stdout  # UTF-8, not \\u-escaped


def test_bad_input_is_one_line_and_keeps_earlier_output(tmp_path):
    pdf = tmp_path / "brief.pdf"
    pdf.write_bytes(b"earlier brief")
    bad = tmp_path / "bad.txt"
    bad.write_text("\n\n")
    result = run_brief("build", str(bad), "-o", str(pdf))
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "bad.txt" in result.stderr and "Traceback" not in result.stderr
    assert pdf.read_bytes() == b"earlier brief"
    assert [p.name for p in tmp_path.iterdir()] == sorted(["brief.pdf", "bad.txt"]) or len(list(tmp_path.iterdir())) == 2
    missing = run_brief("build", str(tmp_path / "nope.txt"), "-o", str(pdf))
    assert missing.returncode == 1 and "no such file" in missing.stderr
    usage = run_brief("build", "--paper", "A3")
    assert usage.returncode == 2
    variant = run_brief("build", "--pdf-variant", "pdf/a-9")
    assert variant.returncode == 2 and "pdf/a-3u" in variant.stderr


def test_essay_text_is_escaped_and_cannot_reach_files_or_network(tmp_path):
    essay = tmp_path / "evil.txt"
    essay.write_text("惡意標題<img src=\"file:///etc/passwd\">\n\n臺灣宜注意<script>alert(1)</script>"
                     "與<link rel=stylesheet href=\"http://example.com/x.css\">的風險。\n", encoding="utf-8")
    html_path = tmp_path / "x.html"
    result = run_brief("build", str(essay), "-o", str(tmp_path / "x.pdf"), "--html", str(html_path))
    assert result.returncode == 0, result.stderr
    html = html_path.read_text(encoding="utf-8")
    assert "<img" not in html and "<script" not in html and "&lt;img" in html


def test_fetcher_refuses_network_and_files_outside_the_brief(tmp_path):
    from pipeline.render.fetcher import LocalOnlyFetcher
    from pipeline.resources import FONTS

    fetcher = LocalOnlyFetcher([FONTS])
    with pytest.raises(ValueError, match="network"):
        fetcher.fetch("http://127.0.0.1:9/x.css")
    with pytest.raises(ValueError, match="outside"):
        fetcher.fetch((tmp_path / "secret.txt").as_uri())
    assert fetcher.fetch((FONTS / "OFL.txt").as_uri()).read(10)


def test_missing_glyphs_are_named(tmp_path):
    essay = tmp_path / "rare.txt"
    # 𪜀 (extension C) is outside the shipped faces, which now take Hong Kong's extension-B characters
    essay.write_text("罕字測試\n\n這段文字有一個罕見字𪜀，臺灣應注意。\n", encoding="utf-8")
    result = run_brief("build", str(essay), "-o", str(tmp_path / "r.pdf"))
    assert result.returncode == 0, result.stderr
    assert "warning:" in result.stderr and "U+2A700" in result.stderr


def test_synthesis_finds_where_the_real_essays_part_on_taiwan(built):
    divergences = built["json"]["synthesis"]["divergences"]
    assert divergences
    pairs = {(d["source"]["essay"], d["counterpart"]["essay"]) for d in divergences}
    assert pairs == {(ESSAY_G20.stem, ESSAY_XI.stem)}
    # a grim reading (the coercion will not stop, red lines may bring conflict) against a hopeful one
    for d in divergences:
        pair = (d["source"]["quote"], d["counterpart"]["quote"])
        assert any(re.search(r"脅迫將不會停止|衝突", q) for q in pair), pair
        assert any(re.search(r"正面|和緩", q) for q in pair), pair


def test_pairs_on_one_subject_stand_under_one_heading(built):
    """Both divergences of the commissioned essays are readings of what it means for Taiwan:
    the brief printed 對臺灣的意涵 over each, a heading repeated. The second pair now stands
    under the first's heading, every pair still printed with its counterpart."""
    page = built["html"]
    subjects = re.findall(r'class="subject">([^<]*)<', page)
    assert subjects and all(a != b for a, b in zip(subjects, subjects[1:])), subjects
    divergences = built["json"]["synthesis"]["divergences"]
    assert len(divergences) == 2 and divergences[0]["subject"] == divergences[1]["subject"]
    assert page.count('<li class="continues">') == 1 and page.count('class="counterpart"') >= 2


def test_a_simplified_essay_takes_part_in_the_synthesis(tmp_path):
    (tmp_path / "a.txt").write_text("两岸关系观察\n\n台湾海峡的紧张情势将持续升高，冲突难以避免。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("臺海局勢評估\n\n兩岸關係將趨於緩和與穩定，對臺灣是正面的訊號。\n", encoding="utf-8")
    result = run_brief("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))  # named: short essays are read
    assert result.returncode == 0, result.stderr
    import json

    (divergence,) = json.loads(result.stdout)["synthesis"]["divergences"]
    assert "衝突" in divergence["source"]["quote"] and "緩和" in divergence["counterpart"]["quote"]


def test_every_character_the_brief_prints_is_in_the_shipped_faces(built):
    """Template text too (・ in 〔文一・第4段〕): a character the subsets lack is drawn as .notdef."""
    from pipeline.render.fonts import missing_characters

    body = re.sub(r"<style.*?</style>|<[^>]+>", "", built["html"], flags=re.S)
    assert missing_characters(html.unescape(body)) == []


def test_same_inputs_give_byte_identical_briefs_dated_by_their_inputs(tmp_path):
    """Reproducible: SOURCE_DATE_EPOCH dates the brief; without it the newest input does,
    never the clock (the second pair of builds runs at another second)."""
    def build(name: str, epoch: str | None) -> tuple[bytes, bytes]:
        env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
        result = subprocess.run([sys.executable, "-m", "pipeline", "build", str(EXAMPLES), "-o", f"{name}.pdf",
                                 "--json", f"{name}.json"], cwd=tmp_path, capture_output=True, text=True,
                                env={**env, "PYTHONPATH": str(ROOT)})
        assert result.returncode == 0, result.stderr
        return (tmp_path / f"{name}.pdf").read_bytes(), (tmp_path / f"{name}.json").read_bytes()

    assert build("a", "1700000000") == build("b", "1700000000")
    first = build("c", None)
    time.sleep(1.1)
    assert build("d", None) == first
    created = PdfReader(tmp_path / "c.pdf").metadata.creation_date
    essays = EXAMPLE_FILES
    dates = [d for d in (read_essay(p).date for p in essays) if d]
    newest = (max(date.fromisoformat(d) for d in dates) if dates else
              datetime.fromtimestamp(max(p.stat().st_mtime for p in essays), timezone.utc).date())
    assert created.date() == newest


_SPAWNS = """
import subprocess, sys
spawned = []
start = subprocess.Popen._execute_child
def record(self, args, *rest, **kw):
    spawned.append(args[0] if isinstance(args, (list, tuple)) else args)
    return start(self, args, *rest, **kw)
subprocess.Popen._execute_child = record
{load}
print(len(spawned), "pkg_resources" in sys.modules)
"""


def _spawns(load: str) -> tuple[int, bool]:
    result = subprocess.run([sys.executable, "-c", _SPAWNS.format(load=load)], capture_output=True, text=True,
                            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, check=True)
    count, setuptools = result.stdout.split()
    return int(count), setuptools == "True"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the library search is switched off on Linux only")
def test_weasyprint_and_jieba_load_without_searching(tmp_path):
    """WeasyPrint loads its C libraries by soname, not through find_library's ldconfig,
    gcc and ld (0.6 s of every build's start); jieba loads without pkg_resources (86 ms)."""
    plain, _ = _spawns("import weasyprint")
    ours, _ = _spawns("from pipeline.render.layout import import_weasyprint; import_weasyprint()\n"
                      "from weasyprint import HTML; HTML(string='<p>臺灣</p>').render()")
    assert ours == 0
    assert _spawns("import pipeline.analyse.segment") == (0, False)
    if not (shutil.which("gcc") or shutil.which("ldconfig")):
        pytest.skip("find_library has nothing to spawn here: nothing to compare with")
    assert plain > 0  # the search this avoids


def test_a_build_leaves_nothing_in_the_temporary_folder(tmp_path):
    """WeasyPrint copies the brief's faces (33 MB) to a folder of its own that only its
    __del__ removes, which a run ending with os._exit skips: every build used to leave one
    behind in /tmp (the rendering helper's and this process's)."""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(scratch)}
    for command in (["build", str(EXAMPLES), "-o", "b.pdf"], ["build", str(EXAMPLES), "-o", "s.pdf", "--split"]):
        result = subprocess.run([sys.executable, "-m", "pipeline", *command], capture_output=True, text=True,
                                cwd=tmp_path, env=env)
        assert result.returncode == 0, result.stderr
        assert list(scratch.iterdir()) == []
