using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Tests.Launcher;

/// <summary>The whole Pod for the demo VMI, compared with testdata/demo/pod.json. VMADDON_UPDATE_GOLDEN=1 rewrites it.</summary>
public sealed class LauncherPodGoldenTests
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Demo_Vmi_Renders_The_Golden_Pod()
    {
        var options = new LauncherPodOptions { SoftwareEmulation = true };
        var compact = KubernetesJson.Serialize(LauncherPodRenderer.Render(TestVmis.Demo(), options));
        var actual = JsonNode.Parse(compact)!.ToJsonString(s_indented) + "\n";

        var golden = Path.Combine(TestDataDir(), "demo", "pod.json");
        if (Environment.GetEnvironmentVariable("VMADDON_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(golden, actual);
        }

        actual.Should().Be(File.ReadAllText(golden));
    }

    private static string TestDataDir([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "testdata");
}
