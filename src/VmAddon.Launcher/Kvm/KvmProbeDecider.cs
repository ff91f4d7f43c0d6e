using System.Globalization;

namespace VmAddon.Launcher.Kvm;

/// <summary>The probe's decisions, free of I/O: the verdict from what a boot showed, and whether a cached answer still holds.</summary>
internal static class KvmProbeDecider
{
    /// <summary>What the probe guest prints once its userspace runs; only then has KVM really run a guest.</summary>
    public const string Marker = "VMADDON-PROBE-OK";

    public static (KvmVerdict Verdict, string Reason) Decide(ProbeObservation observation, TimeSpan deadline)
    {
        ArgumentNullException.ThrowIfNull(observation);
        if (observation.SawMarker)
        {
            return (KvmVerdict.Kvm, $"the probe guest booted under KVM and printed {Marker}");
        }

        if (observation.TimedOut)
        {
            var seconds = deadline.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            return (KvmVerdict.Tcg, $"the probe guest did not print {Marker} under KVM within {seconds} s (KVM opens but guests hang, as under nested virtualisation)");
        }

        var tail = string.IsNullOrWhiteSpace(observation.ErrorTail) ? "" : $": {observation.ErrorTail.Trim()}";
        return observation.ExitCode is 0
            ? (KvmVerdict.Tcg, $"the probe guest stopped under KVM without printing {Marker}{tail}")
            : (KvmVerdict.Tcg, $"QEMU could not run a guest under KVM (exit code {observation.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}){tail}");
    }

    /// <summary>The answer for a node without /dev/kvm, which needs no boot.</summary>
    public static (KvmVerdict Verdict, string Reason) NoKvmDevice(string devicePath) =>
        (KvmVerdict.Tcg, $"{devicePath} does not exist");

    /// <summary>A cached answer holds while QEMU, the host kernel and the payload are those it was found with.</summary>
    public static bool CanReuse(KvmProbeAnswer? cached, KvmProbeKey key) => cached is not null && cached.Key == key;
}
