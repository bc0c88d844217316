"""A call in a forked process beside the build (`forked.Forked`): its value, its exception, its end."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from kenniscentrum import forked
from kenniscentrum.buildstate import OutputError
from kenniscentrum.forked import CAN_FORK, Forked

pytestmark = pytest.mark.skipif(not CAN_FORK, reason="fork only on Linux; elsewhere the call runs in-process")


@pytest.fixture
def forking(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test runner may hold threads of its own (a test server): these tests are about the forked path."""
    monkeypatch.setattr(forked, "can_fork", lambda: True)


def test_the_value_comes_back_from_another_process(tmp_path: Path, forking: None) -> None:
    def pages() -> dict[str, str]:
        (tmp_path / "feed.xml").write_text("<rss/>")
        return {f"projecten/{i}.md": "# Project\n" * 100 for i in range(3000)}  # more than a pipe holds

    job = Forked(pages)
    assert job.result() == {f"projecten/{i}.md": "# Project\n" * 100 for i in range(3000)}
    assert (tmp_path / "feed.xml").read_text() == "<rss/>"
    assert Forked(os.getpid).result() != os.getpid()
    assert Forked(os.getpid, fork=False).result() == os.getpid()


def test_a_process_with_threads_does_not_fork() -> None:
    """`mkdocs serve --clean` builds as a full build, beside the server's threads: a child could deadlock."""
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)
    server.start()
    try:
        assert Forked(os.getpid).result() == os.getpid()
    finally:
        stop.set()
        server.join()


def test_the_problem_is_raised_as_the_build_reports_it(forking: None) -> None:
    def clash() -> None:
        raise OutputError("docs/feeds/alles.xml krijgt hetzelfde adres als een gegenereerd bestand")

    with pytest.raises(OutputError) as raised:
        Forked(clash).result()
    assert str(raised.value) == "docs/feeds/alles.xml krijgt hetzelfde adres als een gegenereerd bestand"
    assert "in clash" in raised.value.__notes__[0]  # the child's traceback, for whoever fixes a bug

    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def bug() -> None:
        raise Unpicklable("soort")

    with pytest.raises(RuntimeError, match=r"Unpicklable: soort"):
        Forked(bug).result()


def test_a_failed_build_stops_the_process(forking: None) -> None:
    job = Forked(lambda: threading.Event().wait(600))
    job.kill()
    with pytest.raises(RuntimeError, match="al afgelopen of gestopt"):
        job.result()
