#!/bin/sh
# Random scenarios, random choices: `rapport run` must agree with an independent model.
cd "$(dirname "$0")/../.." || exit 1
exec python3 tests/reference_model.py "${RAPPORT_BIN:-./rapport}" "${REFERENCE_COUNT:-400}"
