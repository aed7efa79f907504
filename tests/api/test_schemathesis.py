"""Property tests over the OpenAPI schema: whatever a client sends, no server error.

Operations are walked by hand (schemathesis' pytest plugin does not run on this pytest);
each gets its own hypothesis run over cases generated from the schema.
"""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error


@pytest.mark.slow
def test_no_server_error(client):
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 8, "every endpoint of interfaces.md should be in the schema"
    for operation in operations:
        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case):
            response = case.call()
            case.validate_response(response, checks=(not_a_server_error,))

        run()
