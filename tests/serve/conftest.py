from collections.abc import Iterator

import pytest

from models.scorer import Scorer
from models.train import train
from tests.loopback import loopback_only
from tests.models.test_train_and_score import _table


@pytest.fixture(scope="session")
def scorer() -> Scorer:
    """A small model trained on a made-up table: the service tests check plumbing, not quality."""
    result = train(_table())
    return Scorer(result.booster, result.meta)


@pytest.fixture
def loopback_guard() -> Iterator[None]:
    """Fails a test that connects to or looks up anything but a loopback address."""
    with loopback_only():
        yield
