using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmAddon.Launcher.Kvm;

/// <summary>The JSON of the probe cache. Unreadable content counts as no cache: the probe then simply runs again.</summary>
internal static class KvmProbeCacheFile
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(KvmProbeAnswer answer) => JsonSerializer.Serialize(answer, s_json);

    public static KvmProbeAnswer? Parse(string json)
    {
        try
        {
            var answer = JsonSerializer.Deserialize<KvmProbeAnswer>(json, s_json);
            return answer is { Reason: not null, QemuVersion: not null, KernelRelease: not null, PayloadSha256: not null } ? answer : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
