using System.Text.Json;

namespace VmAddon.Launcher.Kvm;

/// <summary>The JSON of the probe cache. Unreadable content counts as no cache: the probe then simply runs again.</summary>
internal static class KvmProbeCacheFile
{
    public static string Serialize(KvmProbeAnswer answer) => JsonSerializer.Serialize(answer, KvmProbeJsonContext.Default.KvmProbeAnswer);

    public static KvmProbeAnswer? Parse(string json)
    {
        try
        {
            var answer = JsonSerializer.Deserialize(json, KvmProbeJsonContext.Default.KvmProbeAnswer);
            return answer is { Reason: not null, QemuVersion: not null, KernelRelease: not null, PayloadSha256: not null } ? answer : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
