namespace VmAddon.Launcher.Kvm;

/// <summary>The settings of <c>vmaddon-launcher probe-kvm</c>.</summary>
internal sealed record KvmProbeOptions
{
    /// <summary>The probe payload's kernel: --kernel, default where the agent image installs it.</summary>
    public string Kernel { get; init; } = "/usr/share/vmaddon/probe/vmlinuz";

    /// <summary>The probe payload's initrd, whose init prints the marker and powers off: --initrd.</summary>
    public string Initrd { get; init; } = "/usr/share/vmaddon/probe/initrd.img";

    /// <summary>How long the guest gets to print the marker: --deadline, default 10 s (it needs about 1 s under working KVM).</summary>
    public TimeSpan Deadline { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The answer's cache: --cache, default a node-wide file the agent keeps.</summary>
    public string CachePath { get; init; } = "/var/cache/vmaddon/kvm-probe.json";

    /// <summary>The QEMU to run: --qemu, default qemu-system-x86_64 from PATH.</summary>
    public string Qemu { get; init; } = "qemu-system-x86_64";

    /// <summary>The KVM device; without it the answer is TCG with no boot.</summary>
    public string KvmDevice { get; init; } = "/dev/kvm";

    /// <summary>What is wrong with these settings, or nothing.</summary>
    public IEnumerable<string> Problems()
    {
        if (Deadline <= TimeSpan.Zero)
        {
            yield return "--deadline must be positive.";
        }

        foreach (var (option, path) in new[] { ("--kernel", Kernel), ("--initrd", Initrd), ("--cache", CachePath) })
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return $"{option} must name a file.";
            }
        }
    }
}
