using System.Text.Json.Nodes;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class PruningTests
{
    [Fact]
    public void Prune_Removes_Unknown_Fields_And_Says_Which()
    {
        var manifest = Manifests.VirtualMachine()
            .With("spec.foo", 1)
            .With("spec.template.spec.domain.devices.interfaces[0].masquerade.mode", "nat")
            .With("metadata.colour", "blue");

        var result = CrdCatalog.FindByKind("VirtualMachine")!.Validator.Prune(manifest);

        result.PrunedPaths.Should().BeEquivalentTo(
            "spec.foo", "spec.template.spec.domain.devices.interfaces[0].masquerade.mode", "metadata.colour");
        JsonNode.DeepEquals(result.Pruned, Manifests.VirtualMachine()).Should().BeTrue(result.Pruned!.ToJsonString());
    }

    [Fact]
    public void Prune_Leaves_The_Input_Untouched()
    {
        var manifest = Manifests.VirtualMachine().With("spec.foo", 1);

        _ = CrdCatalog.FindByKind("VirtualMachine")!.Validator.Prune(manifest);

        manifest["spec"]!["foo"].Should().NotBeNull();
    }

    [Fact]
    public void Prune_Drops_Nulls_The_Schema_Does_Not_Allow_Without_Reporting_Them()
    {
        var manifest = Manifests.VirtualMachine().With("spec.runStrategy", null);

        var result = CrdCatalog.FindByKind("VirtualMachine")!.Validator.Prune(manifest);

        result.PrunedPaths.Should().BeEmpty();
        ((JsonObject)result.Pruned!["spec"]!).ContainsKey("runStrategy").Should().BeFalse();
    }

    [Fact]
    public void Prune_Keeps_Unknown_Fields_Where_The_Schema_Preserves_Them()
    {
        var manifest = Manifests.VirtualMachine().With("spec.template.metadata.creationTimestamp", "2025-01-01T00:00:00Z");

        var result = CrdCatalog.FindByKind("VirtualMachine")!.Validator.Prune(manifest);

        result.PrunedPaths.Should().BeEmpty();
        result.Pruned!["spec"]!["template"]!["metadata"]!["creationTimestamp"]!.GetValue<string>().Should().Be("2025-01-01T00:00:00Z");
    }

    [Fact]
    public void Prune_Keeps_Map_Entries_And_Pruned_Objects_Validate()
    {
        var manifest = Manifests.VirtualMachine().With("spec.template.spec.domain.rng", JsonNode.Parse("{}"));
        var validator = CrdCatalog.FindByKind("VirtualMachine")!.Validator;

        var result = validator.Prune(manifest);

        result.PrunedPaths.Should().Equal("spec.template.spec.domain.rng");
        result.Pruned!["spec"]!["template"]!["spec"]!["nodeSelector"]!["kubernetes.io/os"]!.GetValue<string>().Should().Be("linux");
        validator.Validate(result.Pruned).IsValid.Should().BeTrue();
    }
}
