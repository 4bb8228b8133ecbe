"""A pytest plugin: with BRIEF_NO_SKIPS=1 (as .ci/run sets it), a run in which any test
was skipped fails. CI has ../shared beside the checkout, so a skip there means a test
that should have run did not."""
from __future__ import annotations

import os


def pytest_sessionfinish(session, exitstatus):
    if not os.environ.get("BRIEF_NO_SKIPS") or exitstatus != 0:
        return
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if skipped:
        reporter.write_line(f"BRIEF_NO_SKIPS: {len(skipped)} tests were skipped; every test must run here", red=True)
        session.exitstatus = 1
