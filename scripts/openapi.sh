#!/usr/bin/env bash
# Regenerates docs/openapi.json from the API (after an intended change of its contract): runs the OpenAPI test with
# ALPHA_UPDATE_OPENAPI=1 against the test servers (ALPHA_TEST_PG / ALPHA_TEST_REDIS, or the ones scripts/servers.sh
# starts). Review the diff: a removed or renamed path or field breaks clients (add /api/v2 instead).
set -euo pipefail
cd "$(dirname "$0")/.."
ALPHA_UPDATE_OPENAPI=1 dotnet test tests/Alpha.Api.Tests -c Release --filter "FullyQualifiedName~OpenApiTests.Document_EqualsTheCommittedOne"
git --no-pager diff --stat docs/openapi.json
