#!/usr/bin/env bash
# Runs the e2e suite on PostgreSQL + Redis/BullMQ, then the services-only tests
# (outbox under Redis outages and worker crashes, migrations on both drivers).
# A missing service is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")/.."
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export SMEDX_REQUIRE_SERVICES=1
exec node --experimental-vm-modules node_modules/jest/bin/jest.js "$@"
