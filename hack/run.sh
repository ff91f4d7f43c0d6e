#!/usr/bin/env bash
# `make run`: a two-node local cluster, VmAddon's controller and one agent per node, and the example VM,
# until Ctrl-C. Everything lives under $VMADDON_DIR (default .vmaddon), started afresh unless VMADDON_KEEP=1;
# logs under $VMADDON_DIR/logs.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(realpath -m "${VMADDON_DIR:-.vmaddon}")
example=${VMADDON_EXAMPLE:-examples/legacy-app.yaml}
timeout=${VMADDON_TIMEOUT:-300}
logs=$dir/logs
export KUBECONFIG=$dir/kubeconfig

if [ "$(id -u)" != 0 ]; then
  echo "make run: the local cluster gives each pod its own network namespace and user, which needs root; run it as root (or with sudo)." >&2
  exit 1
fi

cluster= addons=()
stop() {
  trap - EXIT INT TERM
  echo
  echo "stopping: the controller and agents, then the cluster (its pods and their VMs) ..."
  [ ${#addons[@]} -gt 0 ] && kill -TERM "${addons[@]}" 2>/dev/null || true
  [ ${#addons[@]} -gt 0 ] && wait "${addons[@]}" 2>/dev/null || true
  if [ -n "$cluster" ] && kill -0 "$cluster" 2>/dev/null; then kill -INT "$cluster"; wait "$cluster" 2>/dev/null || true; fi
  echo "stopped."
}
trap stop EXIT
trap 'exit 130' INT TERM

fail() {
  echo "make run: $1" >&2
  [ -n "${2:-}" ] && [ -f "$2" ] && { echo "--- last lines of $2:" >&2; tail -n 20 "$2" >&2; }
  exit 1
}

# A progress line: rewritten in place on a terminal, printed once when piped.
progress() { [ -t 1 ] && printf '\r  %-60s' "$1"; return 0; }
done_line() { [ -t 1 ] && printf '\r'; printf '  %-60s\n' "$1"; }

# The controller and agents we started, all still running?
addons_alive() { local pid; for pid in "${addons[@]}"; do kill -0 "$pid" 2>/dev/null || return 1; done; }

# Waits for a condition with a progress line; $1 what, $2 seconds, then the command to test.
wait_for() {
  local what=$1 limit=$2 started=$SECONDS; shift 2
  until "$@" >/dev/null 2>&1; do
    if [ $((SECONDS - started)) -ge "$limit" ] || ! addons_alive; then done_line "$what ... failed after $((SECONDS - started))s"; return 1; fi
    progress "$what ... $((SECONDS - started))s"
    sleep 1
  done
  done_line "$what ... ok ($((SECONDS - started))s)"
}

# The controller and agents serve /readyz on these ports; one taken means another make run is still up, and its
# controller would answer for ours.
for port in 9100 9101 9102; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is in use: is another make run still running? Stop it with Ctrl-C (or: kill \$(pgrep -f hack/run.sh)), then try again."
  fi
done

# A fresh cluster each time, as KubeVirt's cluster-up gives: objects (and taints) of an earlier run would change the demo.
if [ -d "$dir" ] && [ -z "${VMADDON_KEEP:-}" ]; then
  bin/vmaddon-dev down --dir "$dir" >/dev/null 2>&1 || true
  rm -rf "$dir"
fi
mkdir -p "$logs"
echo "starting the local cluster (2 nodes) in $dir"
bin/vmaddon-dev up --nodes 2 --dir "$dir" > "$logs/cluster.log" 2>&1 &
cluster=$!
wait_for "API server and nodes" 120 grep -q "the local cluster is up" "$logs/cluster.log" \
  || fail "the cluster did not come up; is another one running? (vmaddon-dev down --dir $dir)" "$logs/cluster.log"

kubectl apply -f crds/ > "$logs/crds.log" 2>&1 || fail "applying crds/ failed" "$logs/crds.log"
wait_for "VmAddon's CRDs established" 60 kubectl wait --for condition=Established --timeout 1s -f crds/ \
  || fail "the CRDs were not established" "$logs/cluster.log"

# QEMU under KVM cannot boot guests on nested machines; the agents probe each node and fall back to TCG, and
# --software-emulation keeps launcher pods from asking for a KVM device the dev nodes do not advertise.
bin/vmaddon-controller --kubeconfig "$KUBECONFIG" --software-emulation --metrics-listen 127.0.0.1:9100 > "$logs/controller.log" 2>&1 &
addons+=($!)
port=9101
for node in node-1 node-2; do
  bin/vmaddon-agent --node "$node" --kubeconfig "$KUBECONFIG" --kubelet-root "$dir/$node/kubelet" --launcher "$PWD/bin/vmaddon-launcher" \
    --metrics-listen "127.0.0.1:$port" > "$logs/agent-$node.log" 2>&1 &
  addons+=($!)
  port=$((port + 1))
done
if ! wait_for "controller and agents ready" 60 sh -c 'curl -fsS http://127.0.0.1:9100/readyz && curl -fsS http://127.0.0.1:9101/readyz && curl -fsS http://127.0.0.1:9102/readyz'; then
  for log in "$logs"/controller.log "$logs"/agent-*.log; do echo "--- $log:" >&2; tail -n 5 "$log" >&2; done
  fail "the controller or an agent did not start (is something else on ports 9100-9102?)"
fi

kubectl apply -f "$example" > "$logs/example.log" 2>&1 || fail "kubectl apply -f $example failed" "$logs/example.log"
name=$(kubectl get -f "$example" -o jsonpath='{.metadata.name}')
ns=$(kubectl get -f "$example" -o jsonpath='{.metadata.namespace}')
echo "created VirtualMachine $ns/$name; waiting until it runs (its guest boots under software emulation in a few seconds)"
started=$SECONDS last=
while :; do
  status=$(kubectl get vm "$name" -n "$ns" -o jsonpath='{.status.printableStatus}' 2>/dev/null || true)
  status=${status:-Pending}
  if [ "$status" != "$last" ]; then
    [ -n "$last" ] && done_line "$last"
    last=$status
  fi
  progress "$status ... $((SECONDS - started))s"
  [ "$status" = Running ] && { done_line "Running after $((SECONDS - started))s"; break; }
  [ $((SECONDS - started)) -ge "$timeout" ] && { echo; kubectl describe vm "$name" -n "$ns" | tail -n 15; fail "the VM did not reach Running within ${timeout}s; see $logs/" "$logs/controller.log"; }
  sleep 1
done

pod=$(kubectl get pods -n "$ns" -l "vmaddon.io/vmi-name=$name" -o jsonpath='{.items[0].metadata.name}')
ip=$(kubectl get vmi "$name" -n "$ns" -o jsonpath='{.status.interfaces[0].ipAddress}')
node=$(kubectl get vmi "$name" -n "$ns" -o jsonpath='{.status.nodeName}')
cat <<TRY

$name is running. In another shell:
  export KUBECONFIG=$KUBECONFIG PATH=$PWD/bin:\$PATH
  kubectl get vm,vmi -o wide
  kubectl vm console $name                      # the guest's serial console; Ctrl+] leaves
  kubectl logs $pod -c guest-console-log     # what the guest printed on it
  curl http://$ip/                              # the legacy app's page, on the launcher pod's IP
  kubectl vm stop $name && kubectl vm wait $name --for Stopped && kubectl vm start $name   # also: restart, pause vm, expose vm
  bin/vmaddon-dev node stop $node --dir $dir   # lose its node; once it is NotReady, confirm it is down:
  kubectl taint node $node node.kubernetes.io/out-of-service=nodeshutdown:NoExecute   # fenced: the VM runs again on the other node

logs: $logs/ (cluster, controller, agent-node-1, agent-node-2). Ctrl-C stops everything.
TRY
sleep infinity &
wait $!
