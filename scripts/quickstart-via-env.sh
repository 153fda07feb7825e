#!/usr/bin/env bash
# Runs the quickstart the way it runs against a real server (NIM_APP_KEY, NIM_APP_SECRET,
# NIM_BASE_URL set), pointed at the nim-emulator binary: shows the quickstart works against
# any server that speaks the protocol, not only the in-process emulator.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo build -q -p nim-emulator -p nim-api --example quickstart
target_dir=$(cargo metadata --format-version 1 --no-deps | python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')
out=$(mktemp)
"$target_dir/debug/nim-emulator" --port 0 --app-key env-key --app-secret env-secret >"$out" &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -f "$out"' EXIT

for _ in $(seq 1 100); do
  [ -s "$out" ] && break
  sleep 0.1
done
base_url=$(head -n 1 "$out")
echo "emulator binary at $base_url"

NIM_APP_KEY=env-key NIM_APP_SECRET=env-secret NIM_BASE_URL="$base_url" \
  "$target_dir/debug/examples/quickstart"

kill -INT "$pid"
wait "$pid"
echo "emulator binary exited cleanly"
