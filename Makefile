# VmAddon: run VMs on Kubernetes. `make help` lists the targets.
SHELL := /bin/bash
CONFIGURATION ?= Release
DOTNET ?= dotnet
RESULTS := out/test-results

# Debian packages the build and tests need (DESIGN §5):
#   libvirt-clients  virt-xml-validate, which judges every golden domain.xml against libvirt's schema
#   libxml2-utils    xmllint, which virt-xml-validate runs
#   libvirt-daemon   libvirtd, the per-pod session daemon vmaddon-launcher runs
#   libvirt-daemon-driver-qemu  libvirtd's QEMU driver, so the pod's daemon can run guests
#   qemu-system-x86  qemu-system-x86_64: the guests, and the launcher's KVM probe
#   qemu-utils       qemu-img: the launcher's containerDisk overlays and emptyDisks
#   genisoimage      genisoimage and isoinfo: the launcher's cloud-init NoCloud seed ISOs, and the tests' check of them
#   libvirt0         libvirt.so.0, which LibvirtSharp binds
#   util-linux       setpriv and unshare: the hypervisor tests run launcher Pods as their user in their own mount namespace
#   iproute2         ip: the hypervisor tests give each Pod its own network namespace and IP
#   busybox-static   the guest image's whole userspace (init, sh, udhcpc, httpd, acpid)
#   syslinux         installs the guest disk's boot loader into its FAT partition, no loop mount
#   syslinux-common  the MBR boot code (mbr.bin) of the guest disk
#   mtools           mcopy: copies the kernel and initramfs into the FAT image, no loop mount
#   dosfstools       mkfs.vfat: makes the guest disk's boot partition as a file
#   fdisk            sfdisk: partitions the guest disk image
#   cpio             packs the guest's initramfs
#   curl             images/guest/check.sh fetches the guest's web page
#   python3          images/guest/check.sh talks to the QEMU monitor socket
#   tmux             the CLI tests drive kubectl vm console in a real terminal, as a user types into it
#   zsh              the CLI tests run kubectl vm's zsh completion script
DEB_PACKAGES := libvirt0 libvirt-clients libxml2-utils libvirt-daemon libvirt-daemon-driver-qemu qemu-system-x86 qemu-utils \
	genisoimage util-linux iproute2 busybox-static syslinux syslinux-common mtools dosfstools fdisk cpio curl python3 tmux zsh

export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1

.PHONY: help deps build run test crds compat bench clean guest-image guest-check krew

help:
	@echo "make deps   install the Debian packages VmAddon needs (only those missing)"
	@echo "make run    start a two-node local cluster with VmAddon and the example VM (needs root; Ctrl-C stops it)"
	@echo "make build  build everything and the programs in bin/"
	@echo "make test   run the whole test suite and print 'N passed, N failed'"
	@echo "make crds   regenerate crds/ from the C# types"
	@echo "make krew   build kubectl-vm's self-contained release archive and its krew manifest in out/krew/"
	@echo "make bench  measure LibvirtSharp against virsh and the per-VM overhead, and print a table"
	@echo "make guest-image  build images/guest/out/guest.qcow2, the test guest (cached)"
	@echo "make guest-check  boot the test guest under QEMU and check it (READY, seed, HTTP, shell, ACPI power-off)"
	@echo "make compat convert, validate and render KubeVirt manifests (COMPAT_DIR, default ../shared/compat/kubevirt-examples)"

deps:
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		if [ "$$(id -u)" != 0 ]; then echo "make deps: run as root (or with sudo) to install:" $$missing >&2; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all of $(DEB_PACKAGES) present"; fi

# bin/NAME runs a build output: $(call wrapper,NAME,PATH FROM THE REPOSITORY ROOT,WHAT IT IS)
define wrapper
	@printf '#!/bin/sh\n# %s\nexec "$$(dirname "$$(readlink -f "$$0")")/../%s" "$$@"\n' '$(3)' '$(2)' > bin/$(1)
	@chmod +x bin/$(1)
endef

# DIR/kubectl_complete-vm, next to DIR/kubectl-vm: kubectl (1.26+) completes `kubectl vm <TAB>` by running it (cobra's __complete protocol).
define complete_vm
	@printf '#!/bin/sh\n# kubectl vm <TAB>: kubectl runs this for completions.\nexec "$$(dirname "$$(readlink -f "$$0")")/kubectl-vm" __complete "$$@"\n' > $(1)/kubectl_complete-vm
	@chmod +x $(1)/kubectl_complete-vm
endef

build:
	$(DOTNET) build VmAddon.sln -c $(CONFIGURATION) -nologo -clp:NoSummary
	@mkdir -p bin
	$(call wrapper,kubectl-vm,src/VmAddon.Cli/bin/$(CONFIGURATION)/net10.0/kubectl-vm,kubectl plugin entry point: `kubectl vm ...` runs this.)
	$(call complete_vm,bin)
	$(call wrapper,vmaddon-dev,src/VmAddon.DevCluster/bin/$(CONFIGURATION)/net10.0/vmaddon-dev,The local control plane: vmaddon-dev api and vmaddon-dev up.)
	$(call wrapper,vmaddon-controller,src/VmAddon.Controller/bin/$(CONFIGURATION)/net10.0/vmaddon-controller,The cluster-wide controller (a Deployment on a real cluster).)
	$(call wrapper,vmaddon-agent,src/VmAddon.Agent/bin/$(CONFIGURATION)/net10.0/vmaddon-agent,The per-node agent (a DaemonSet on a real cluster).)
	@# The launcher runs once per VM, so it ships compiled ahead of time (NativeAOT): no JIT, a fraction of the memory.
	$(DOTNET) publish src/VmAddon.Launcher -c $(CONFIGURATION) -r linux-x64 -p:VmAddonAot=true -o out/launcher -nologo -clp:NoSummary
	$(call wrapper,vmaddon-launcher,out/launcher/vmaddon-launcher,The launcher Pod entrypoint (and its console and probe-kvm commands) compiled ahead of time.)
	@echo "built bin/kubectl-vm bin/kubectl_complete-vm bin/vmaddon-dev bin/vmaddon-controller bin/vmaddon-agent bin/vmaddon-launcher"

# kubectl-vm's release archive for krew: one self-contained file (no .NET runtime needed) and kubectl_complete-vm,
# and out/krew/vm.yaml, manifests/krew/vm.yaml with the archive's sha256.
krew:
	@rm -rf out/krew
	$(DOTNET) publish src/VmAddon.Cli -c $(CONFIGURATION) -r linux-x64 --self-contained -p:PublishSingleFile=true \
		-p:EnableCompressionInSingleFile=true -p:DebugType=none -o out/krew/pkg -nologo -clp:NoSummary
	$(call complete_vm,out/krew/pkg)
	tar -C out/krew/pkg -czf out/krew/kubectl-vm-linux-amd64.tar.gz kubectl-vm kubectl_complete-vm
	@sha=$$(sha256sum out/krew/kubectl-vm-linux-amd64.tar.gz | cut -d' ' -f1); \
		sed "s/sha256: \"0*\"/sha256: \"$$sha\"/" manifests/krew/vm.yaml > out/krew/vm.yaml; \
		echo "out/krew/kubectl-vm-linux-amd64.tar.gz (sha256 $$sha) and out/krew/vm.yaml"

# The main job: a two-node local cluster, the controller and agents, and examples/legacy-app.yaml running, until Ctrl-C.
run: deps build guest-image
	hack/run.sh

# Test projects run one after another (-m:1): the hypervisor tests share two cores with their guests.
test: deps build guest-image
	@rm -rf $(RESULTS)
	@status=0; \
	$(DOTNET) test VmAddon.sln -c $(CONFIGURATION) --no-build -m:1 --logger "trx" --results-directory $(RESULTS) || status=$$?; \
	.ci/test-summary $(RESULTS); \
	exit $$status

crds:
	$(DOTNET) run --project src/VmAddon.CrdGen -c $(CONFIGURATION) -- crds

# make bench BENCH=api|vm|density runs one part (api: the dev API server alone, no QEMU or root, about 15 s).
bench: deps build guest-image
	$(DOTNET) run --project tests/VmAddon.Bench -c $(CONFIGURATION) --no-build -- $(BENCH)

COMPAT_DIR ?= ../shared/compat/kubevirt-examples
compat: deps build
	tests/compat/run.sh $(COMPAT_DIR)

guest-image: deps
	images/guest/build.sh

guest-check: guest-image
	images/guest/check.sh

clean:
	rm -rf bin out
	$(DOTNET) clean VmAddon.sln -nologo -v q
