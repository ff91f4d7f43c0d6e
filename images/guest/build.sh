#!/usr/bin/env bash
# Builds images/guest/out/guest.qcow2: a tiny "legacy VM" disk (Debian kernel + busybox initramfs,
# booted by syslinux from a FAT partition), plus out/vmlinuz and out/initrd.img for -kernel/-initrd.
# Offline from Debian packages, no loop mounts, no root needed. Cached: unchanged inputs do nothing.
#   GUEST_KERNEL_PACKAGE  the kernel package (default: what linux-image-amd64 depends on)
#   GUEST_FORCE=1         rebuild even when the inputs are unchanged
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=$here/out
cache=$out/cache
busybox=/bin/busybox
mbr=/usr/lib/syslinux/mbr/mbr.bin

need() { # COMMAND PACKAGE
	command -v "$1" >/dev/null || { echo "build.sh: $1 not found: install the Debian package $2 (make deps)" >&2; exit 1; }
}
need apt-get apt
need dpkg-deb dpkg
need cpio cpio
need mkfs.vfat dosfstools
need mcopy mtools
need syslinux syslinux
need sfdisk fdisk
need qemu-img qemu-utils
[ -x "$busybox" ] && "$busybox" --list | grep -x httpd >/dev/null || { echo "build.sh: $busybox (static, with httpd) not found: install busybox-static" >&2; exit 1; }
[ -f "$mbr" ] || { echo "build.sh: $mbr not found: install syslinux-common" >&2; exit 1; }

package=${GUEST_KERNEL_PACKAGE:-$(apt-cache depends linux-image-amd64 2>/dev/null | sed -n 's/^ *Depends: \(linux-image-[0-9].*-amd64\)$/\1/p' | head -n 1)}
[ -n "$package" ] || { echo "build.sh: cannot tell the kernel package from 'apt-cache depends linux-image-amd64' (run apt-get update?)" >&2; exit 1; }
version=$(apt-cache policy "$package" 2>/dev/null | sed -n 's/^ *Candidate: //p')
[ -n "$version" ] && [ "$version" != "(none)" ] || { echo "build.sh: apt knows no candidate for $package" >&2; exit 1; }
kver=${package#linux-image-}

# Everything the image depends on; the image is rebuilt only when this changes.
inputs=$( {
	echo "$package $version"
	sha256sum "$busybox" "$mbr" "$(command -v syslinux)"
	cd "$here" && find build.sh modules.txt syslinux.cfg rootfs -type f -print0 | sort -z | xargs -0 sha256sum
	cd "$here" && find rootfs -printf '%p %m\n' | sort
} | sha256sum | cut -d' ' -f1)
if [ "${GUEST_FORCE:-0}" != 1 ] && [ -f "$out/guest.qcow2" ] && [ "$(cat "$out/stamp" 2>/dev/null)" = "$inputs" ]; then
	echo "guest image up to date: $out/guest.qcow2"
	exit 0
fi
echo "building guest image ($package $version)"
rm -f "$out/stamp"
mkdir -p "$cache"

# The kernel package, fetched once; only the files we use are unpacked from it.
deb=$cache/${package}_${version//:/%3a}_amd64.deb
if [ ! -f "$deb" ]; then
	rm -rf "$cache"/linux-image-* # an older kernel: its .deb, file list and unpacked files
	(cd "$cache" && apt-get download -q "$package=$version" 2>&1 | grep -v 'unsandboxed' >&2 || true)
	found=$(ls "$cache"/"$package"_*.deb 2>/dev/null | head -n 1)
	[ -n "$found" ] || { echo "build.sh: apt-get download $package=$version failed" >&2; exit 1; }
	[ "$found" = "$deb" ] || mv -f "$found" "$deb"
fi
kroot=$cache/$package-$version
listing=$kroot.list
if [ ! -f "$listing" ]; then
	dpkg-deb --fsys-tarfile "$deb" | tar -t >"$listing.tmp"
	mv -f "$listing.tmp" "$listing"
fi
mkdir -p "$kroot"
extract() { # PATHS...: unpack those not yet unpacked
	local missing=()
	for p in "$@"; do [ -e "$kroot/$p" ] || missing+=("$p"); done
	[ ${#missing[@]} -eq 0 ] || dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$kroot" "${missing[@]}"
}
extract "./boot/vmlinuz-$kver"

# Module name -> path in the package (names compare with '-' and '_' alike, as the kernel does).
declare -A path_of
while read -r p; do
	n=${p##*/}; n=${n%.ko}; path_of[${n//-/_}]=$p
done < <(grep -E "^\./lib/modules/$kver/kernel/.*\.ko$" "$listing")
modinfo_field() { # FIELD KO: one value per line, from the module's .modinfo strings
	tr '\0' '\n' <"$2" | sed -n "s/^$1=//p"
}

# Resolve modules.txt into a load order, each module after its dependencies (depends= and softdep pre:).
# A module's dependencies are known once it is unpacked, so unpack breadth-first, one pass per level.
wanted=()
while read -r m; do
	m=${m%%#*}; m=${m//[[:space:]]/}
	[ -n "$m" ] && wanted+=("${m//-/_}")
done <"$here/modules.txt"
deps_of() { # NAME: its dependencies that are modules of this kernel (a soft one may be built in: skipped)
	local ko=$kroot/${path_of[$1]} dep
	for dep in $(modinfo_field depends "$ko" | tr ',' ' ') \
		$(modinfo_field softdep "$ko" | sed -n 's/.*pre: *\([^:]*\)\( post:.*\)\{0,1\}$/\1/p'); do
		[ -n "${path_of[${dep//-/_}]:-}" ] && echo "${dep//-/_}"
	done
	return 0
}
declare -A seen
level=("${wanted[@]}")
while [ ${#level[@]} -gt 0 ]; do
	paths=()
	for name in "${level[@]}"; do
		[ -n "${path_of[$name]:-}" ] || { echo "build.sh: module $name is not in $package" >&2; exit 1; }
		seen[$name]=1
		paths+=("${path_of[$name]}")
	done
	extract "${paths[@]}"
	next=()
	for name in "${level[@]}"; do
		for dep in $(deps_of "$name"); do
			[ -n "${seen[$dep]:-}" ] || { seen[$dep]=1; next+=("$dep"); }
		done
	done
	level=("${next[@]}")
done
declare -A state # name -> visiting | done
order=()
resolve() { # NAME: append it to the order after its dependencies
	local name=$1 dep
	case ${state[$name]:-} in done) return ;; visiting) echo "build.sh: module dependency cycle at $name" >&2; exit 1 ;; esac
	state[$name]=visiting
	for dep in $(deps_of "$name"); do resolve "$dep"; done
	state[$name]=done
	order+=("${path_of[$name]}")
}
for m in "${wanted[@]}"; do resolve "$m"; done

# The initramfs: busybox and its applet links, our rootfs files, the modules and their load order.
work=$out/work
rm -rf "$work"
mkdir -p "$work/initramfs"/{bin,sbin,usr/bin,usr/sbin,proc,sys,dev,etc,mnt,root,run,tmp,var/log,lib/modules/$kver}
ir=$work/initramfs
cp "$busybox" "$ir/bin/busybox"
for applet in $("$busybox" --list-full); do
	[ -e "$ir/$applet" ] || ln -s /bin/busybox "$ir/$applet"
done
cp -a "$here/rootfs/." "$ir/"
for ko in "${order[@]}"; do
	rel=${ko#./lib/modules/$kver/}
	mkdir -p "$ir/lib/modules/$kver/$(dirname "$rel")"
	cp "$kroot/$ko" "$ir/lib/modules/$kver/$rel"
	echo "$rel"
done >"$ir/lib/modules/$kver/load-order"
(cd "$ir" && find . -mindepth 1 | LC_ALL=C sort | cpio -o -H newc -R 0:0 --quiet) | gzip -9 -n >"$work/initrd.img"
cp "$kroot/boot/vmlinuz-$kver" "$work/vmlinuz"

# The disk: one bootable FAT partition at sector 2048 holding syslinux, the kernel and the initramfs.
kib=$(( ($(stat -c %s "$work/vmlinuz") + $(stat -c %s "$work/initrd.img")) / 1024 + 2048 ))
mkfs.vfat -C -h 2048 -n GUESTBOOT "$work/fat.img" "$kib" >/dev/null
mcopy -i "$work/fat.img" "$work/vmlinuz" "$work/initrd.img" "$here/syslinux.cfg" ::/
syslinux --install "$work/fat.img"
truncate -s 1M "$work/disk.img"
cat "$work/fat.img" >>"$work/disk.img"
# (sfdisk always notes that the partition holds a FAT, which it should: keep only other messages.)
echo "2048,,e,*" | sfdisk -q --wipe-partitions never "$work/disk.img" 2>&1 | { grep -v "contains a vfat signature" || true; } >&2
dd if="$mbr" of="$work/disk.img" bs=440 count=1 conv=notrunc status=none
qemu-img convert -f raw -O qcow2 "$work/disk.img" "$work/guest.qcow2"

mv -f "$work/vmlinuz" "$work/initrd.img" "$work/guest.qcow2" "$out/"
printf '%s\n' "${order[@]##*/}" | sed 's/\.ko$//' >"$out/modules.loaded"
echo "$kver" >"$out/kernel.version"
rm -rf "$work"
echo "$inputs" >"$out/stamp"
echo "built $out/guest.qcow2 ($(du -h --apparent-size "$out/guest.qcow2" | cut -f1); kernel $kver; modules: $(tr '\n' ' ' <"$out/modules.loaded"))"
