using System.Text.Json;
using System.Text.Json.Serialization;

namespace VmAddon.Launcher.Kvm;

/// <summary>Compile-time JSON for the probe cache, so the launcher needs no runtime code generation (NativeAOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KvmProbeAnswer))]
internal sealed partial class KvmProbeJsonContext : JsonSerializerContext;
