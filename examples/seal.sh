#!/usr/bin/env bash
# Re-seal every sealed value in the examples for a certificate (default: the public DEMO key).
#
#   [CERT=FILE] examples/seal.sh OLD_KEY...
#
# OLD_KEY files open the current values (PEM private keys, key Secrets or key backup Lists); CERT
# (default examples/demo-key/tls.crt) seals the new ones. Run from the repository root after
# `mvn -B package` (or set PULLSYNC to a pullsync command).
#
# - Inline `sealed:` values in Registry files are opened namespace-wide to `pullsync` or
#   cluster-wide, and re-sealed namespace-wide to `pullsync` (the recommended scope), i.e.:
#     pullsync seal --cert examples/demo-key/tls.crt --scope namespace-wide --namespace pullsync
# - SealedSecret manifests (kind: SealedSecret) keep their own scope, namespace and name.
#
# To seal a new demo value by hand:
#   printf %s 'Harbor12345' | pullsync seal --cert examples/demo-key/tls.crt \
#       --scope namespace-wide --namespace pullsync
set -euo pipefail

[ $# -ge 1 ] || { echo "usage: [CERT=FILE] examples/seal.sh OLD_KEY..." >&2; exit 2; }
old_keys=("$@")
cert=${CERT:-examples/demo-key/tls.crt}
read -r -a pullsync <<<"${PULLSYNC:-java -jar agent/target/pullsync.jar}"
plain=$(mktemp)
trap 'rm -f "$plain"' EXIT

# open VALUE SCOPE-ARGS... -> plaintext into $plain; fails when the scope does not fit
open() {
  local value=$1
  shift
  printf %s "$value" | "${pullsync[@]}" unseal --key "${old_keys[@]}" --raw "$@" >"$plain" 2>/dev/null
}

seal() {
  "${pullsync[@]}" seal --cert "$cert" "$@" <"$plain"
}

replace() { # FILE OLD NEW (base64 never contains '|')
  sed -i "s|$2|$3|" "$1"
}

reseal_inline() {
  local file=$1 value
  for value in $(sed -n 's/^[[:space:]]*sealed:[[:space:]]*\(Ag[A-Za-z0-9+/=]*\)[[:space:]]*$/\1/p' "$file"); do
    open "$value" --scope namespace-wide --namespace pullsync ||
      open "$value" --scope cluster-wide ||
      { echo "$file: a sealed value opens neither namespace-wide (pullsync) nor cluster-wide" >&2; exit 2; }
    replace "$file" "$value" "$(seal --scope namespace-wide --namespace pullsync)"
  done
}

reseal_manifest() {
  local file=$1 ns name value args
  ns=$(sed -n 's/^  namespace:[[:space:]]*//p' "$file" | head -1)
  name=$(sed -n 's/^  name:[[:space:]]*//p' "$file" | head -1)
  if grep -q 'sealedsecrets.bitnami.com/cluster-wide: "true"' "$file"; then
    args=(--scope cluster-wide)
  elif grep -q 'sealedsecrets.bitnami.com/namespace-wide: "true"' "$file"; then
    args=(--scope namespace-wide --namespace "$ns")
  else
    args=(--scope strict --namespace "$ns" --name "$name")
  fi
  for value in $(sed -n 's/^    [^:[:space:]]*:[[:space:]]*\(Ag[A-Za-z0-9+/=]*\)[[:space:]]*$/\1/p' "$file"); do
    open "$value" "${args[@]}" || { echo "$file: a value does not open with ${args[*]}" >&2; exit 2; }
    replace "$file" "$value" "$(seal "${args[@]}")"
  done
}

find examples -name '*.yaml' -not -path 'examples/demo-key/*' -print0 | sort -z |
  while IFS= read -r -d '' file; do
    if grep -q '^kind: SealedSecret' "$file"; then
      reseal_manifest "$file"
      echo "re-sealed $file"
    elif grep -q 'sealed:' "$file"; then
      reseal_inline "$file"
      echo "re-sealed $file"
    fi
  done
