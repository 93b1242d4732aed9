"""Property-based tests: schemathesis generates requests from the app's own OpenAPI document and checks that
no response is a server error or falls outside the documented schema."""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from app.main import app
from tests.conftest import use_database

schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@pytest.fixture()
def seeded(seeded_db: str) -> None:
    use_database(seeded_db)


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_api_keeps_its_contract(case: schemathesis.Case, seeded: None) -> None:
    case.call_and_validate()
