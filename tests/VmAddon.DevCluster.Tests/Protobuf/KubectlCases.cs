using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace VmAddon.DevCluster.Tests.Protobuf;

/// <summary>
/// The kubectl 1.32 commands whose request bodies were captured into testdata/: NAME.pb.b64 is the body kubectl
/// POSTed, NAME.expected.json what the same command prints with --dry-run=client -o json.
/// </summary>
internal static class KubectlCases
{
    public static string Folder { get; } = FolderOf();

    public static IEnumerable<KubectlCase> All()
    {
        var cases = JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, "cases.json")))!.AsArray();
        foreach (var entry in cases)
        {
            yield return new KubectlCase(
                entry!["name"]!.GetValue<string>(),
                [.. entry["args"]!.AsArray().Select(a => a!.GetValue<string>())],
                entry["dryRun"]?.GetValue<bool>() ?? true,
                entry["live"]?.GetValue<bool>() ?? true);
        }
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var kubectlCase in All())
        {
            data.Add(kubectlCase.Name);
        }

        return data;
    }

    public static byte[] Body(string name) => Convert.FromBase64String(File.ReadAllText(Path.Combine(Folder, $"{name}.pb.b64")).Trim());

    public static JsonNode Expected(string name) => JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, $"{name}.expected.json")))!;

    private static string FolderOf([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "testdata");
}

/// <summary>
/// One captured kubectl command. <paramref name="DryRun"/> is false when kubectl cannot print the object it sends;
/// <paramref name="Live"/> is false when the command first reads objects (a CronJob, a Deployment's scale
/// subresource) that the capture server does not serve.
/// </summary>
internal sealed record KubectlCase(string Name, IReadOnlyList<string> Args, bool DryRun, bool Live);
