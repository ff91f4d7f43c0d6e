#!/usr/bin/env bash
# Checks KubeVirt manifests the way a user migrating to VmAddon would: convert each,
# validate it, and for the valid ones render the domain XML and have libvirt's
# schema judge it. Unsupported ones must be rejected with the field named.
# Usage: tests/compat/run.sh [DIR]   (default ../shared/compat/kubevirt-examples)
set -uo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-../shared/compat/kubevirt-examples}
cli=bin/kubectl-vm
[ -x "$cli" ] || { echo "$cli is missing: run make build" >&2; exit 2; }
command -v virt-xml-validate >/dev/null || { echo "virt-xml-validate is missing: run make deps" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
bad=0
for f in "$dir"/*.yaml; do
  name=$(basename "$f")
  "$cli" convert -f "$f" >"$tmp/converted.yaml" 2>"$tmp/warnings"
  if "$cli" validate -f "$tmp/converted.yaml" >"$tmp/validate" 2>&1; then
    if grep -q ': VirtualMachineInstanceMigration/' "$tmp/validate"; then
      printf '%-32s accepted; a migration runs no VM, so there is no domain to render\n' "$name"
    elif "$cli" render -f "$tmp/converted.yaml" --only domain --software-emulation >"$tmp/domain.xml" \
        && virt-xml-validate "$tmp/domain.xml" domain >"$tmp/xml" 2>&1; then
      printf '%-32s accepted; domain XML valid\n' "$name"
    else
      printf '%-32s accepted but rendering FAILED:\n' "$name"; cat "$tmp/xml" 2>/dev/null; bad=$((bad + 1))
    fi
  else
    printf '%-32s rejected: %s\n' "$name" "$(sed -n '1s/^[^:]*:[0-9]*: //p' "$tmp/validate")"
    grep -q '^[^:]*:[0-9]*: [^:]*: [a-zA-Z]' "$tmp/validate" || { echo "  (no field named)"; bad=$((bad + 1)); }
  fi
done
exit $((bad > 0))
