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

# Symbols that are gone (RS0017) have no code fix: one still unshipped is deleted from PublicAPI.Unshipped.txt, one
# shipped is recorded there as a *REMOVED* line.
for p in "${projects[@]}"; do
  dir=${p%/}
  dotnet build "$dir" -c Release --no-restore 2>/dev/null \
    | grep -o "error RS0017: Symbol '[^']*'" | sed -E "s/error RS0017: Symbol '(.*)'/\1/" | sort -u \
    | while IFS= read -r symbol; do
        if grep -qxF -- "$symbol" "$dir/PublicAPI.Unshipped.txt"; then
          grep -vxF -- "$symbol" "$dir/PublicAPI.Unshipped.txt" > "$dir/PublicAPI.Unshipped.txt.new"
          mv "$dir/PublicAPI.Unshipped.txt.new" "$dir/PublicAPI.Unshipped.txt"
        else
          echo "*REMOVED*$symbol" >> "$dir/PublicAPI.Unshipped.txt"
        fi
      done
done
