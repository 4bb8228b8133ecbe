"""Untrusted templates, careless paths, signals and oversized input: each defect probed as an
attacker or a careless user would, asserting the exit status, the message, that no output
changed and that nothing outside the output paths was read into the brief or written."""
from __future__ import annotations

import http.server
import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from conftest import EXAMPLES, ROOT, pdf_text, run_brief

ESSAY = EXAMPLES / "chip-export-controls.txt"
PASSWD_MARK = "root:x:0:0"


@pytest.fixture
def work(tmp_path):
    """An essay, an earlier brief that must survive, and a folder for templates."""
    (tmp_path / "essay.txt").write_bytes(ESSAY.read_bytes())
    (tmp_path / "out.pdf").write_bytes(b"%PDF-earlier brief")
    (tmp_path / "tpl").mkdir()
    return tmp_path


def build(work: Path, *args: str) -> subprocess.CompletedProcess:
    return run_brief("build", str(work / "essay.txt"), "-o", str(work / "out.pdf"), *args, cwd=work)


def untouched(work: Path) -> bool:
    leftovers = [p.name for p in work.rglob("*.tmp")]
    return (work / "out.pdf").read_bytes() == b"%PDF-earlier brief" and not leftovers


def test_a_template_cannot_reach_the_logo_path_object(work):
    (work / "logo.png").write_bytes((ROOT / "tests" / "reference" / "analyst.png").read_bytes())
    (work / "brief.toml").write_text('[brief]\nlogo = "logo.png"\n', encoding="utf-8")
    (work / "tpl" / "brief-analyst.html").write_text(
        "{{ audience.logo.joinpath('/etc/passwd').read_text() }}"
        "{{ audience.logo.with_name('PWNED.txt').write_text('x') }}", encoding="utf-8")
    result = build(work, "--template-dir", str(work / "tpl"))
    assert result.returncode == 1 and "brief-analyst.html" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert untouched(work) and not list(work.rglob("PWNED.txt"))


def test_template_context_is_data(work):
    """Every value a template sees is plain data, one of the model's dataclasses (whose
    methods only read the brief) or a function of the renderer: no Path, no file."""
    import dataclasses

    from pipeline.build import make_brief
    from pipeline.model import Analysis, Brief, Entity, Essay, Item, Keyword, Paragraph, Section, Sentence, Synthesis, Theme
    from pipeline.render import html as html_module
    from pipeline.render.audience import audience
    from pipeline.render.page import Page

    captured = {}
    original = html_module.SandboxedEnvironment.select_template

    def spy(self, names, *args, **kwargs):
        template = original(self, names, *args, **kwargs)
        render = template.render
        template.render = lambda context: captured.update(context) or render(context)
        return template

    brief = make_brief([work / "essay.txt"])
    options = html_module.RenderOptions(audience("analyst", {"logo": work / "essay.txt"}))
    html_module.SandboxedEnvironment.select_template = spy
    try:
        html_module.render_html(brief, options)
    finally:
        html_module.SandboxedEnvironment.select_template = original
    model = (Analysis, Brief, Entity, Essay, Item, Keyword, Paragraph, Section, Sentence, Synthesis, Theme, Page)

    def walk(value, where):
        if isinstance(value, (str, int, float, bool, type(None))):
            return
        if isinstance(value, (list, tuple, set, frozenset)):
            for item in value:
                walk(item, where)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, f"{where}.{key}")
        elif isinstance(value, model):
            for field in dataclasses.fields(value):
                walk(getattr(value, field.name), f"{where}.{field.name}")
        elif callable(value) and getattr(value, "__module__", "").startswith("pipeline.render"):
            return
        else:
            raise AssertionError(f"{where} is a {type(value).__name__}")

    assert captured
    for key, value in captured.items():
        walk(value, key)


@pytest.mark.parametrize("attack", ["css", "root"])
def test_template_symlinks_out_of_the_folder_are_refused(work, attack):
    tpl = work / "tpl"
    if attack == "css":
        (tpl / "brief.css").symlink_to("/etc/passwd")
    else:
        (tpl / "root").symlink_to("/")
        (tpl / "brief-analyst.html").write_text('{% include "root/etc/passwd" %}', encoding="utf-8")
    result = build(work, "--template-dir", str(tpl), "--html", str(work / "x.html"))
    assert result.returncode == 1 and "refused" in result.stderr, result.stderr
    assert untouched(work) and not (work / "x.html").exists()


def test_a_failing_json_output_leaves_the_pdf_untouched(work):
    result = build(work, "--json", "/proc/x.json")
    assert result.returncode == 1 and "/proc/x.json" in result.stderr
    assert untouched(work)


def test_outputs_that_are_inputs_or_each_other_are_usage_errors(work):
    before = (work / "essay.txt").read_bytes()
    result = run_brief("build", str(work / "essay.txt"), "-o", str(work / "essay.txt"), cwd=work)
    assert result.returncode == 2 and "input essays" in result.stderr
    assert (work / "essay.txt").read_bytes() == before
    result = build(work, "--json", str(work / "out.pdf"))
    assert result.returncode == 2 and "also given to --output" in result.stderr
    assert untouched(work)


def test_extract_to_a_folder_is_a_usage_error(work):
    result = run_brief("extract", str(work / "essay.txt"), "-o", str(work), cwd=work)
    assert result.returncode == 2 and "directory" in result.stderr
    assert "Traceback" not in result.stderr


def test_writing_to_a_device_writes_through_it(work):
    """/dev/null stays a device: an atomic rename over it (as root) would replace it."""
    import stat

    result = run_brief("extract", str(work / "essay.txt"), "-o", os.devnull, cwd=work)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_runaway_template_is_stopped(work):
    (work / "tpl" / "brief-analyst.html").write_text(
        "{% for i in range(100000) %}{% for j in range(100000) %}{{ i }}{% endfor %}{% endfor %}", encoding="utf-8")
    started = time.monotonic()
    result = build(work, "--template-dir", str(work / "tpl"), "--time-limit", "3")
    assert time.monotonic() - started < 30
    assert result.returncode == 1 and "took longer than 3 s" in result.stderr
    assert untouched(work)


@pytest.mark.parametrize("sig, code, when", [(signal.SIGINT, 130, None), (signal.SIGTERM, 143, "rendering")])
def test_signals_end_the_run_with_one_line_and_no_temporaries(work, sig, code, when):
    """SIGINT early (0.3 s in: importing its modules, or on a fast machine reading the
    essay); SIGTERM once it reports that it is rendering (the layout running in its helper
    process)."""
    process = subprocess.Popen([sys.executable, "-m", "pipeline", "build", str(work / "essay.txt"),
                                "-o", str(work / "out.pdf"), "-v"], cwd=work, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)},
                               # a suite started in the background (nohup …&) ignores SIGINT, and
                               # so would the build it starts: give it a terminal's default
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    lines = []
    if when is None:
        time.sleep(0.3)
    else:
        while not lines or when not in lines[-1]:
            lines.append(process.stderr.readline())
            assert lines[-1], "".join(lines)
    process.send_signal(sig)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode != 0, f"the build finished before the signal arrived: {stderr}"
    # one line of its own after the progress -v gave so far, and no traceback
    assert (process.returncode, stderr.strip().splitlines()[-1]) == (code, "interrupted"), stderr
    assert "Traceback" not in stderr
    assert untouched(work)


def test_write_all_is_all_or_nothing(tmp_path):
    from pipeline.errors import BriefError
    from pipeline.output import write_all

    (tmp_path / "a.pdf").write_text("old")
    with pytest.raises(BriefError):
        write_all([(tmp_path / "a.pdf", "new"), (Path("/proc/none/b.json"), "x")])
    assert (tmp_path / "a.pdf").read_text() == "old" and not list(tmp_path.glob("*.tmp"))


def test_a_signal_whose_exception_was_swallowed_still_stops_the_writes(tmp_path, monkeypatch):
    """Python drops the KeyboardInterrupt of a signal that lands in a finalizer ("Exception
    ignored in …") and runs on: the writers see the signal recorded and put nothing in place."""
    import signal as signals

    from pipeline import entry
    from pipeline.output import write_all

    (tmp_path / "a.pdf").write_text("old")
    monkeypatch.setattr(entry, "received", [signals.SIGINT])
    with pytest.raises(KeyboardInterrupt):
        write_all([(tmp_path / "a.pdf", "new")])
    assert (tmp_path / "a.pdf").read_text() == "old" and not list(tmp_path.glob(".*.tmp"))
    monkeypatch.setattr(entry, "received", [signals.SIGTERM])
    with pytest.raises(entry.Terminated):
        write_all([(tmp_path / "a.pdf", "new")])
    monkeypatch.setattr(entry, "received", [])
    write_all([(tmp_path / "a.pdf", "new")])
    assert (tmp_path / "a.pdf").read_text() == "new"


def test_a_long_numbered_title_is_the_title(tmp_path):
    from pipeline.ingest import read_essay

    path = tmp_path / "e.txt"
    path.write_text("五、習近平出席 G20 峰會及美中互動觀察：兼論臺灣因應策略\n\n美方近期持續對臺軍售，北京強烈反彈。\n",
                    encoding="utf-8")
    assert read_essay(path).title == "習近平出席G20峰會及美中互動觀察：兼論臺灣因應策略"


def test_repeated_lines_of_a_plain_text_are_kept(tmp_path):
    from pipeline.ingest import read_essay

    path = tmp_path / "e.txt"
    path.write_text("兩岸觀察\n\n臺灣必須守住民主。\n\n北京持續施壓，美方則加強合作\n。\n\n臺灣必須守住民主。\n\n"
                    "各方立場仍有分歧。\n\n臺灣必須守住民主。\n", encoding="utf-8")
    essay = read_essay(path)
    assert essay.text.count("臺灣必須守住民主。") == 3
    assert "美方則加強合作。" in essay.text.replace("\n", "")


def test_an_oversized_essay_is_refused(work):
    big = work / "big.txt"
    big.write_text("長文\n\n" + "臺灣必須守住民主。" * 50_000, encoding="utf-8")  # 1.35 MB
    result = run_brief("extract", str(big), "--max-size", "1", cwd=work)
    assert result.returncode == 1 and "too large for an essay" in result.stderr


class _Listener(http.server.BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self):  # noqa: N802 - the handler's name is fixed by http.server
        _Listener.requests.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"leak")

    def log_message(self, *args):
        pass


def test_essays_and_templates_never_reach_the_network_or_other_files(work):
    server = http.server.HTTPServer(("127.0.0.1", 0), _Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}"
    try:
        (work / "essay.md").write_text(
            f"# 網路測試\n\n臺灣必須守住民主。![x]({url}/essay.png)<img src=\"{url}/inline.png\">"
            f"<link rel=stylesheet href=\"file:///etc/passwd\">\n\n北京持續施壓。\n", encoding="utf-8")
        (work / "tpl" / "brief-analyst.html").write_text(
            '{% extends "default:brief.html" %}{% block cover %}'
            f'<img src="{url}/template.png"><img src="file:///etc/passwd">'
            f'<style>@import url("{url}/x.css");</style>{{{{ super() }}}}{{% endblock %}}', encoding="utf-8")
        result = run_brief("build", str(work / "essay.md"), "-o", str(work / "net.pdf"), "--template-dir",
                           str(work / "tpl"), cwd=work)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    assert _Listener.requests == []
    assert PASSWD_MARK not in pdf_text(work / "net.pdf")
    assert f"{url}/template.png" in result.stderr and "/etc/passwd" in result.stderr  # each refusal named


ALPHABET = "的是國家和平發展臺灣美中經濟安全政策區域合作。，、？！「」\n "


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=ALPHABET, min_size=1, max_size=400))
@example("、\n合家")  # s2tw turns 合家 into 閤家: a short Traditional text was taken for Simplified
def test_ingest_loses_no_text_and_offsets_hold(tmp_path_factory, text):
    from pipeline.errors import BriefError
    from pipeline.ingest import read_essay

    path = tmp_path_factory.mktemp("h") / "e.txt"
    path.write_text(text, encoding="utf-8")
    try:
        essay = read_essay(path)
    except BriefError as exc:
        assert re.search("no (?:essay|Chinese) text found", str(exc))
        return
    for para in essay.paragraphs:
        assert essay.text[para.start:para.end] and "".join(
            essay.text[s.start:s.end] for s in para.sentences) == essay.text[para.start:para.end]
    squash = lambda s: "".join(s.split())  # noqa: E731
    assert squash(essay.text) == squash(text)
