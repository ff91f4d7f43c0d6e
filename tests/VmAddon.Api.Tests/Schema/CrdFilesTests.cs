using System.Text.Json.Nodes;
using VmAddon.Api.Manifests;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class CrdFilesTests
{
    [Fact]
    public void The_Crds_In_The_Repository_Match_The_Csharp_Types()
    {
        var crds = Path.Combine(RepositoryRoot(), "crds");
        var expected = CrdCatalog.All.ToDictionary(r => r.FileName, r => r.RenderYaml());
        var actual = Directory.Exists(crds)
            ? Directory.GetFiles(crds, "*.yaml").ToDictionary(f => Path.GetFileName(f), File.ReadAllText)
            : [];

        var stale = expected.Keys.Union(actual.Keys)
            .Where(name => !actual.TryGetValue(name, out var text) || !expected.TryGetValue(name, out var want) || text != want)
            .ToList();

        stale.Should().BeEmpty("crds/ is stale: run `make crds`");
    }

    [Theory]
    [InlineData("VirtualMachine", "virtualmachines.vmaddon.io", "vm,vms", "Age,Status,Ready")]
    [InlineData("VirtualMachineInstance", "virtualmachineinstances.vmaddon.io", "vmi,vmis", "Age,Phase,IP,NodeName,Ready")]
    [InlineData("VirtualMachineInstanceMigration", "virtualmachineinstancemigrations.vmaddon.io", "vmim", "Phase,VMI")]
    [InlineData("VirtualMachinePool", "virtualmachinepools.vmaddon.io", "vmpool", "Desired,Current,Ready")]
    public void Each_Crd_Has_Its_Names_Columns_And_Status_Subresource(string kind, string name, string shortNames, string columns)
    {
        var crd = CrdCatalog.FindByKind(kind)!.CreateCrd();
        var version = crd["spec"]!["versions"]![0]!;

        crd["metadata"]!["name"]!.GetValue<string>().Should().Be(name);
        crd["spec"]!["group"]!.GetValue<string>().Should().Be("vmaddon.io");
        crd["spec"]!["scope"]!.GetValue<string>().Should().Be("Namespaced");
        Strings(crd["spec"]!["names"]!["shortNames"]).Should().Equal(shortNames.Split(','));
        Strings(crd["spec"]!["names"]!["categories"]).Should().Equal("vmaddon", "all");
        version["name"]!.GetValue<string>().Should().Be("v1alpha1");
        version["served"]!.GetValue<bool>().Should().BeTrue();
        version["storage"]!.GetValue<bool>().Should().BeTrue();
        version["subresources"]!["status"]!.ToJsonString().Should().Be("{}");
        version["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal(columns.Split(','));
    }

    [Fact]
    public void The_Printer_Columns_Point_Where_KubeVirt_Points()
    {
        Column("VirtualMachine", "Status").Should().Be(".status.printableStatus");
        Column("VirtualMachine", "Ready").Should().Be(".status.ready");
        Column("VirtualMachineInstance", "IP").Should().Be(".status.interfaces[0].ipAddress");
        Column("VirtualMachineInstance", "Ready").Should().Be(".status.conditions[?(@.type=='Ready')].status");
        Column("VirtualMachineInstanceMigration", "VMI").Should().Be(".spec.vmiName");
        Column("VirtualMachinePool", "Desired").Should().Be(".spec.replicas");
    }

    [Fact]
    public void Only_The_Pool_Has_The_Scale_Subresource()
    {
        var scale = CrdCatalog.FindByKind("VirtualMachinePool")!.CreateCrd()["spec"]!["versions"]![0]!["subresources"]!["scale"]!;

        scale["specReplicasPath"]!.GetValue<string>().Should().Be(".spec.replicas");
        scale["statusReplicasPath"]!.GetValue<string>().Should().Be(".status.replicas");
        scale["labelSelectorPath"]!.GetValue<string>().Should().Be(".status.labelSelector");
        CrdCatalog.All.Where(r => r.Kind != "VirtualMachinePool")
            .Should().OnlyContain(r => r.CreateCrd()["spec"]!["versions"]![0]!["subresources"]!["scale"] == null);
    }

    [Fact]
    public void The_Yaml_Reads_Back_As_The_Same_Crd()
    {
        foreach (var resource in CrdCatalog.All)
        {
            var parsed = YamlManifestReader.Read(resource.RenderYaml()).Documents.Single().Content;

            JsonNode.DeepEquals(parsed, resource.CreateCrd()).Should().BeTrue(resource.Kind);
        }
    }

    private static string Column(string kind, string name) =>
        CrdCatalog.FindByKind(kind)!.CreateCrd()["spec"]!["versions"]![0]!["additionalPrinterColumns"]!.AsArray()
            .Single(c => c!["name"]!.GetValue<string>() == name)!["jsonPath"]!.GetValue<string>();

    private static IEnumerable<string> Strings(JsonNode? array) => array!.AsArray().Select(s => s!.GetValue<string>());

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("No VmAddon.sln above " + AppContext.BaseDirectory);
    }
}
