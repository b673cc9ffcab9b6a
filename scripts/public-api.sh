#!/usr/bin/env bash
# Records a change of the public surface: new public symbols go into each project's PublicAPI.Unshipped.txt, removed
# ones become *REMOVED* lines there (the analyzers' code fix, then RS0017 from a build). Review the diff before committing.
#   scripts/public-api.sh [src/Alpha.X ...]    (default: every project under src/)
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(src/*/)
for p in "${projects[@]}"; do
  dotnet format analyzers "${p%/}" --diagnostics RS0016 RS0017 RS0037 --severity info
done

# Symbols removed since the shipped baseline (RS0017) have no code fix: record them as *REMOVED* lines.
for p in "${projects[@]}"; do
  dir=${p%/}
  dotnet build "$dir" -c Release --no-restore 2>/dev/null \
    | grep -o "error RS0017: Symbol '[^']*'" | sed -E "s/error RS0017: Symbol '(.*)'/*REMOVED*\1/" | sort -u \
    >> "$dir/PublicAPI.Unshipped.txt" || true
done
