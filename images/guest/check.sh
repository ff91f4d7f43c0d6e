#!/usr/bin/env bash
# Boots out/guest.qcow2 under plain QEMU (TCG) with a NoCloud seed and checks what the guest promises:
# READY banner, user-data ran, HTTP page names the host, the serial shell answers, ACPI power-off ends
# QEMU by itself. Then boots out/vmlinuz + out/initrd.img with vmaddon.probe and checks the probe
# payload. Prints PASS, or FAIL with the reason, and exits accordingly. Run build.sh first.
#   GUEST_CHECK_TIMEOUT    seconds to wait for the guest to come up (default 180: TCG on a busy machine)
#   GUEST_CHECK_SEED_BUS   bus of the seed cdrom: virtio (default), sata, scsi or ide
#   GUEST_CHECK_NIC        NIC model: virtio-net-pci (default), e1000, e1000e or rtl8139
#   GUEST_CHECK_MACHINE    QEMU machine type: pc (default) or q35
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/out
timeout_s=${GUEST_CHECK_TIMEOUT:-180}
seed_bus=${GUEST_CHECK_SEED_BUS:-virtio}
nic=${GUEST_CHECK_NIC:-virtio-net-pci}
machine=${GUEST_CHECK_MACHINE:-pc}
work=$(mktemp -d "${TMPDIR:-/tmp}/guest-check.XXXXXX")
qemu_pid=

cleanup() {
	if [ -n "$qemu_pid" ] && kill -0 "$qemu_pid" 2>/dev/null; then
		kill "$qemu_pid" 2>/dev/null || true
		wait "$qemu_pid" 2>/dev/null || true
	fi
	exec 9>&- 2>/dev/null || true
	rm -rf "$work"
}
trap cleanup EXIT

fail() {
	echo "FAIL: $*"
	if [ -f "$work/console.log" ]; then
		echo "--- last console lines ---"
		tail -n 40 "$work/console.log" | tr -d '\r'
	fi
	exit 1
}

for tool in qemu-system-x86_64:qemu-system-x86 genisoimage:genisoimage curl:curl python3:python3; do
	command -v "${tool%%:*}" >/dev/null || fail "${tool%%:*} not found: install the Debian package ${tool#*:} (make deps)"
done
for f in guest.qcow2 vmlinuz initrd.img; do
	[ -f "$out/$f" ] || fail "$out/$f is missing: run images/guest/build.sh (make guest-image)"
done

# Waits until the console log contains TEXT, QEMU exits, or the deadline passes.
wait_for() { # TEXT SECONDS
	local deadline=$((SECONDS + $2))
	until grep -qF -- "$1" "$work/console.log" 2>/dev/null; do
		kill -0 "$qemu_pid" 2>/dev/null || fail "QEMU exited before the console showed '$1'"
		[ $SECONDS -lt "$deadline" ] || fail "no '$1' on the console within $2 s"
		sleep 0.2
	done
}

# Waits until QEMU exits by itself, or fails after SECONDS.
wait_exit() { # SECONDS WHAT
	local deadline=$((SECONDS + $1))
	while kill -0 "$qemu_pid" 2>/dev/null; do
		[ $SECONDS -lt "$deadline" ] || fail "QEMU still running $1 s after $2"
		sleep 0.2
	done
	wait "$qemu_pid" 2>/dev/null || true
	qemu_pid=
}

monitor() { # COMMAND: send one command to the QEMU human monitor socket, and wait until QEMU has run it
	python3 - "$work/monitor.sock" "$1" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX)
s.connect(sys.argv[1])
s.settimeout(10)
def until_prompt():
    seen = b""
    while not seen.endswith(b"(qemu) "):
        chunk = s.recv(4096)
        if not chunk:
            sys.exit("the QEMU monitor closed")
        seen += chunk
until_prompt()  # the banner
s.sendall(sys.argv[2].encode() + b"\n")
until_prompt()  # the command's answer: QEMU has run it
s.close()
PY
}

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# The NoCloud seed, as VmAddon's launcher makes it.
mkdir -p "$work/seed"
printf 'instance-id: check-guest.default\nlocal-hostname: check-guest\n' >"$work/seed/meta-data"
printf '#!/bin/sh\necho USERDATA-RAN\n' >"$work/seed/user-data"
genisoimage -quiet -output "$work/seed.iso" -volid cidata -joliet -rock "$work/seed/meta-data" "$work/seed/user-data"

case $seed_bus in
virtio) seed_args=(-drive "file=$work/seed.iso,if=virtio,media=cdrom,readonly=on") ;;
sata) seed_args=(-device ahci,id=ahci0 -drive "file=$work/seed.iso,if=none,id=seed,media=cdrom,readonly=on" -device ide-cd,drive=seed,bus=ahci0.0) ;;
scsi) seed_args=(-device virtio-scsi-pci,id=scsi0 -drive "file=$work/seed.iso,if=none,id=seed,media=cdrom,readonly=on" -device scsi-cd,drive=seed,bus=scsi0.0) ;;
ide) seed_args=(-drive "file=$work/seed.iso,if=ide,media=cdrom,readonly=on") ;;
*) fail "GUEST_CHECK_SEED_BUS=$seed_bus: use virtio, sata, scsi or ide" ;;
esac

# 1. The disk image, as a VM would run it.
port=$(free_port)
mkfifo "$work/console.in"
qemu-system-x86_64 -machine "$machine" -accel tcg -m 256 -nographic -serial stdio \
	-monitor "unix:$work/monitor.sock,server,nowait" \
	-drive "file=$out/guest.qcow2,if=virtio,snapshot=on" \
	"${seed_args[@]}" \
	-netdev "user,id=n0,hostfwd=tcp:127.0.0.1:$port-:80" -device "$nic,netdev=n0,addr=0x9" \
	<"$work/console.in" >"$work/console.log" 2>&1 &
qemu_pid=$!
exec 9>"$work/console.in" # keep the console's input open, to type into the shell
started=$SECONDS

wait_for USERDATA-RAN "$timeout_s"
wait_for VMADDON-GUEST-READY "$timeout_s"
ready_after=$((SECONDS - started))
if grep -q 'vmaddon-guest: insmod' "$work/console.log"; then
	fail "a kernel module did not load: $(grep 'vmaddon-guest: insmod' "$work/console.log" | tr -d '\r' | tr '\n' ' ')"
fi

page=$(curl -fsS --max-time 20 "http://127.0.0.1:$port/") || fail "no HTTP answer on the forwarded port $port"
grep -q '^check-guest$' <<<"$page" || fail "the page does not show the hostname check-guest: $page"
grep -q '<h1>legacy-app on check-guest</h1>' <<<"$page" || fail "the page has no legacy-app heading: $page"

# The serial shell: type a command, read its output (the sum proves the shell ran it, not an echo).
wait_for '# ' 30
printf 'echo SHELL-$((40 + 2)) $(hostname)\n' >&9
wait_for 'SHELL-42 check-guest' 30

monitor system_powerdown
wait_exit 30 "system_powerdown"
grep -q 'powering off' "$work/console.log" || fail "QEMU exited, but the guest did not report an orderly power-off"

# 2. The KVM probe payload: kernel and initramfs booted directly.
: >"$work/console.log"
qemu-system-x86_64 -accel tcg -m 256 -nographic -serial stdio -monitor none \
	-kernel "$out/vmlinuz" -initrd "$out/initrd.img" -append "console=ttyS0 quiet vmaddon.probe" \
	</dev/null >"$work/console.log" 2>&1 &
qemu_pid=$!
wait_for VMADDON-PROBE-OK "$timeout_s"
wait_exit 30 "VMADDON-PROBE-OK"

echo "PASS: guest READY in ${ready_after} s (TCG, $machine, seed on $seed_bus, $nic), user-data ran, HTTP names check-guest, serial shell answers, ACPI power-off exits QEMU; probe payload prints VMADDON-PROBE-OK and powers off"
