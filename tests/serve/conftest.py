from collections.abc import Iterator
from pathlib import Path

import pytest

from models.scorer import Scorer
from tests.loopback import loopback_only


@pytest.fixture(scope="session")
def scorer(small_model_dir: Path) -> Scorer:
    """A small model trained on a made-up table: the service tests check plumbing, not quality."""
    return Scorer.load(small_model_dir)


@pytest.fixture
def loopback_guard() -> Iterator[None]:
    """Fails a test that connects to or looks up anything but a loopback address."""
    with loopback_only():
        yield
