namespace VmAddon.Launcher.Kvm;

/// <summary>A probe's answer, as cached in its JSON file.</summary>
internal sealed record KvmProbeAnswer(
    KvmVerdict Verdict,
    string Reason,
    string QemuVersion,
    string KernelRelease,
    string PayloadSha256,
    DateTimeOffset ProbedAt)
{
    public KvmProbeKey Key => new(QemuVersion, KernelRelease, PayloadSha256);
}
