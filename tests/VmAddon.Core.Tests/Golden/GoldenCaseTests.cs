using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using k8s;
using VmAddon.Api.Manifests;
using VmAddon.Api.Schema;
using VmAddon.Core.Rendering;
using VmAddon.Core.Tests.Support;

namespace VmAddon.Core.Tests.Golden;

/// <summary>
/// Each folder under testdata/golden is a case: input.yaml, and either the vmi.yaml, pod.yaml and domain.xml it
/// renders to, or the errors.txt it is rejected with. A case whose name ends in -tcg renders for software
/// emulation. VMADDON_UPDATE_GOLDEN=1 rewrites the expected files; review the diff before committing it.
/// </summary>
public class GoldenCaseTests
{
    private static readonly bool s_update = Environment.GetEnvironmentVariable("VMADDON_UPDATE_GOLDEN") == "1";

    public static TheoryData<string> ValidCases => Cases(valid: true);

    public static TheoryData<string> InvalidCases => Cases(valid: false);

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void A_valid_manifest_renders_its_vmi_pod_and_domain(string name)
    {
        var folder = CaseFolder(name);
        var loaded = ManifestLoader.Load(File.ReadAllText(Path.Combine(folder, "input.yaml")));
        loaded.IsValid.Should().BeTrue(string.Join('\n', Problems(loaded)));

        var rendered = InstanceRenderer.Render(loaded.Resources.Single().Resource!, new RenderSettings { SoftwareEmulation = name.EndsWith("-tcg", StringComparison.Ordinal) });

        Compare(folder, "vmi.yaml", Yaml(rendered.Vmi));
        Compare(folder, "pod.yaml", Yaml(rendered.Pod));
        Compare(folder, "domain.xml", rendered.DomainXml + "\n");
        VirtXmlValidator.AssertValid(rendered.DomainXml);
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void An_invalid_manifest_is_rejected_with_every_error_naming_its_field(string name)
    {
        var folder = CaseFolder(name);
        var loaded = ManifestLoader.Load(File.ReadAllText(Path.Combine(folder, "input.yaml")));

        loaded.IsValid.Should().BeFalse();
        Compare(folder, "errors.txt", string.Join('\n', Problems(loaded)) + "\n");
    }

    /// <summary>Whatever line a user leaves out, the manifest is either rejected with errors or renders; nothing throws.</summary>
    [Theory]
    [MemberData(nameof(ValidCases))]
    public void A_manifest_missing_any_one_line_is_rejected_or_rendered_never_a_crash(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(CaseFolder(name), "input.yaml"));
        var settings = new RenderSettings { SoftwareEmulation = true };
        for (var i = 0; i < lines.Length; i++)
        {
            var text = string.Join('\n', lines.Where((_, index) => index != i));
            var loaded = ManifestLoader.Load(text);
            if (loaded.IsValid)
            {
                var render = () => InstanceRenderer.Render(loaded.Resources.Single().Resource!, settings);
                render.Should().NotThrow($"the manifest without line {i + 1} (\"{lines[i]}\") is valid, so it must render");
            }
            else
            {
                Problems(loaded).Should().NotBeEmpty();
            }
        }
    }

    /// <summary>Values of every other type, out of range, or beyond what a number can hold.</summary>
    private static readonly string[] s_strangeValues = ["0", "-1", "\"\"", "x", "null", "{}", "[]", "true", "99999999999999999999", "1e400", "\"0.0001\""];

    /// <summary>Whatever value a user puts in any field, the manifest is either rejected with errors or renders; nothing throws.</summary>
    [Theory]
    [MemberData(nameof(ValidCases))]
    [MemberData(nameof(InvalidCases))]
    public void A_manifest_with_any_field_set_to_a_strange_value_is_rejected_or_rendered_never_a_crash(string name)
    {
        var lines = File.ReadAllLines(Path.Combine(CaseFolder(name), "input.yaml"));
        var settings = new RenderSettings { SoftwareEmulation = true };
        for (var i = 0; i < lines.Length; i++)
        {
            var colon = lines[i].IndexOf(": ", StringComparison.Ordinal);
            if (colon < 0 || lines[i].TrimStart().StartsWith('#'))
            {
                continue;
            }

            foreach (var value in s_strangeValues)
            {
                var copy = (string[])lines.Clone();
                copy[i] = lines[i][..(colon + 2)] + value;
                var loaded = ManifestLoader.Load(string.Join('\n', copy));
                foreach (var resource in loaded.Resources.Where(r => r.IsValid && r.Kind != Api.ApiGroup.VirtualMachineInstanceMigrationKind))
                {
                    var render = () => InstanceRenderer.Render(resource.Resource!, settings);
                    render.Should().NotThrow($"line {i + 1} set to \"{copy[i].Trim()}\" is valid, so it must render");
                }
            }
        }
    }

    [Fact]
    public void There_are_golden_cases_of_both_kinds()
    {
        ValidCases.Should().NotBeEmpty();
        InvalidCases.Should().NotBeEmpty();
    }

    /// <summary>One line per problem, as kubectl vm validate prints them without the file name.</summary>
    private static IEnumerable<string> Problems(ManifestLoadResult loaded) =>
        loaded.SyntaxError is { } syntax
            ? [$"{syntax.Line}: {syntax}"]
            : loaded.Resources.SelectMany(r => r.Errors.Select(e => $"{r.LineOf(e)}: {r.Kind}/{r.Name}: {e}"));

    private static string Yaml(object resource) => YamlWriter.Write(JsonNode.Parse(KubernetesJson.Serialize(resource)));

    private static void Compare(string folder, string file, string actual)
    {
        var path = Path.Combine(folder, file);
        if (s_update)
        {
            File.WriteAllText(path, actual);
        }

        File.Exists(path).Should().BeTrue($"{path} is missing; run the tests with VMADDON_UPDATE_GOLDEN=1 to write it");
        actual.Should().Be(File.ReadAllText(path), $"{path} should match what is rendered now (VMADDON_UPDATE_GOLDEN=1 rewrites it)");
    }

    private static TheoryData<string> Cases(bool valid)
    {
        var data = new TheoryData<string>();
        foreach (var folder in Directory.GetDirectories(Root()).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(folder, "errors.txt")) != valid)
            {
                data.Add(Path.GetFileName(folder));
            }
        }

        return data;
    }

    private static string CaseFolder(string name) => Path.Combine(Root(), name);

    private static string Root([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "testdata");
}
