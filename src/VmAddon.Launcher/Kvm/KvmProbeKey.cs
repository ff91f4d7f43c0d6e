namespace VmAddon.Launcher.Kvm;

/// <summary>What a probe's answer depends on: a new QEMU, host kernel or probe payload asks the question again.</summary>
internal sealed record KvmProbeKey(string QemuVersion, string KernelRelease, string PayloadSha256);
