"""brief.toml: settings and the user's lexicon, every problem reported at once."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, run_brief
from pipeline.config import load_config
from pipeline.errors import BriefError


def test_config_sets_title_and_lexicon(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text('[brief]\ntitle = "兩岸情勢週報"\norganisation = "某研究中心"\n'
                    '[lexicon]\nlaw = ["賽博防衛協定"]\nperson = ["林某某"]\n', encoding="utf-8")
    config = load_config(path)
    analyst = config.audiences.resolve("analyst")
    assert analyst.title == "兩岸情勢週報" and analyst.organisation == "某研究中心"
    assert config.audiences.resolve("executive").max_pages == 2  # built-in settings kept
    assert config.lexicon == {"賽博防衛協定": "law", "林某某": "person"}


def test_per_audience_settings_override_common_ones(tmp_path):
    (tmp_path / "logo.png").write_bytes(b"png")
    path = tmp_path / "brief.toml"
    path.write_text('[brief]\norganisation = "某研究中心"\nclassification = "限閱"\n'
                    '[audience.public]\nclassification = ""\npaper = "B5"\n'
                    '[audience.analyst]\nlogo = "logo.png"\naccent = "#8a1c1c"\nfindings = 5\n'
                    'sections = ["cover", "essays"]\n', encoding="utf-8")
    settings = load_config(path).audiences
    public, analyst = settings.resolve("public"), settings.resolve("analyst")
    assert (public.classification, public.paper, public.checksums) == ("", "B5", False)
    assert analyst.classification == "限閱" and analyst.logo == tmp_path / "logo.png"
    assert (analyst.accent, analyst.findings, analyst.sections) == ("#8a1c1c", 5, ("cover", "essays"))


def test_every_problem_is_reported_at_once(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text('[brief]\ncolour = "red"\npaper = "A3"\n[audience.executive]\nfindings = 40\nlogo = "none.png"\n'
                    'max_pages = 0\n[lexicon]\nweapon = ["x"]\nlaw = "not a list"\n[extra]\n', encoding="utf-8")
    with pytest.raises(BriefError) as caught:
        load_config(path)
    message = str(caught.value)
    for problem in ("'colour'", "paper must be one of", "findings must be", "logo 'none.png'", "'weapon'",
                    "law must be a list", "[extra]", "max_pages must be"):
        assert problem in message


def test_a_page_limit_is_set_per_audience(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text("[audience.executive]\nmax_pages = 3\n", encoding="utf-8")
    audiences = load_config(path).audiences
    assert audiences.resolve("executive").max_pages == 3 and audiences.resolve("analyst").max_pages is None


def test_build_uses_the_config_title_and_user_terms(tmp_path):
    essay = tmp_path / "e.txt"
    essay.write_text("賽博防衛協定評析\n\n美日簽署賽博防衛協定，臺灣應審慎評估其影響。\n", encoding="utf-8")
    config = tmp_path / "brief.toml"
    config.write_text('[brief]\ntitle = "兩岸情勢週報"\n[lexicon]\nlaw = ["賽博防衛協定"]\n', encoding="utf-8")
    result = run_brief("build", str(essay), "-o", str(tmp_path / "b.pdf"), "--json", str(tmp_path / "b.json"),
                       "--config", str(config))
    assert result.returncode == 0, result.stderr
    json_text = (tmp_path / "b.json").read_text(encoding="utf-8")
    assert '"text": "賽博防衛協定",\n          "type": "law"' in json_text
    from pypdf import PdfReader

    assert PdfReader(tmp_path / "b.pdf").metadata.title == "兩岸情勢週報"
    bad = tmp_path / "bad.toml"
    bad.write_text("[brief\n")
    result = run_brief("build", str(essay), "-o", str(tmp_path / "c.pdf"), "--config", str(bad))
    assert result.returncode == 1 and "bad.toml" in result.stderr and "TOML" in result.stderr


def test_a_skipped_test_fails_the_run_when_every_test_must_run(tmp_path):
    """.ci/run sets BRIEF_NO_SKIPS=1: CI has ../shared, so nothing may skip there."""
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["no_skips"]\n', encoding="utf-8")
    (tmp_path / "test_one.py").write_text(
        "import pytest\n\ndef test_runs():\n    pass\n\n@pytest.mark.skip(reason='needs x')\ndef test_skips():\n    pass\n",
        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    env.pop("BRIEF_NO_SKIPS", None)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(tmp_path)]
    assert subprocess.run(command, cwd=tmp_path, env=env, capture_output=True).returncode == 0
    strict = subprocess.run(command, cwd=tmp_path, env={**env, "BRIEF_NO_SKIPS": "1"}, capture_output=True, text=True)
    assert strict.returncode == 1 and "1 tests were skipped" in strict.stdout
