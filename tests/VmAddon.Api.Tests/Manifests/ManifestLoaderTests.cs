using VmAddon.Api.Manifests;

namespace VmAddon.Api.Tests.Manifests;

public class ManifestLoaderTests
{
    [Fact]
    public void Invalid_yaml_is_reported_with_its_line()
    {
        var result = ManifestLoader.Load("apiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachine\nmetadata:\n  name: [broken\n");

        result.SyntaxError.Should().NotBeNull();
        result.SyntaxError!.Line.Should().BeGreaterThanOrEqualTo(4);
        result.SyntaxError.ToString().Should().StartWith($"line {result.SyntaxError.Line}, column");
    }

    [Fact]
    public void A_duplicate_key_is_invalid_yaml() =>
        ManifestLoader.Load("kind: VirtualMachine\nkind: VirtualMachineInstance\n").SyntaxError.Should().NotBeNull();

    [Theory]
    [InlineData("kubevirt.io/v1", "VirtualMachine", "apiVersion: Unsupported value: \"kubevirt.io/v1\": this is a KubeVirt manifest; run `kubectl vm convert -f FILE` to rewrite it")]
    [InlineData("apps/v1", "VirtualMachine", "apiVersion: Unsupported value: \"apps/v1\": VmAddon serves vmaddon.io/v1alpha1")]
    [InlineData("vmaddon.io/v1alpha1", "VirtualMachineInstanceReplicaSet", "kind: Unsupported value: \"VirtualMachineInstanceReplicaSet\": VmAddon serves VirtualMachine, VirtualMachineInstance, VirtualMachineInstanceMigration, VirtualMachinePool")]
    public void An_unknown_api_version_or_kind_is_named(string apiVersion, string kind, string expected)
    {
        var result = ManifestLoader.Load($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: x\n");

        result.Resources.Single().Errors.Select(e => e.ToString()).Should().Contain(expected);
    }

    [Fact]
    public void Every_document_of_a_multi_document_manifest_is_loaded()
    {
        var text = ManifestText.VirtualMachine + "\n---\n" + ManifestText.VirtualMachine.With("name: legacy-app", "name: second") + "\n---\n";

        var result = ManifestLoader.Load(text);

        result.Resources.Select(r => r.Name).Should().Equal("legacy-app", "second");
        result.IsValid.Should().BeTrue();
    }

    [Fact]
    public void An_error_knows_the_line_of_its_field()
    {
        var text = ManifestText.VirtualMachine.With("guest: 128Mi", "guest: -1Mi");

        var resource = ManifestLoader.Load(text).Resources.Single();
        var error = resource.Errors.Single();

        var expectedLine = text.Split('\n').ToList().FindIndex(l => l.Contains("guest: -1Mi", StringComparison.Ordinal)) + 1;
        resource.LineOf(error).Should().Be(expectedLine);
    }

    [Fact]
    public void Plain_scalars_are_typed_as_kubernetes_types_them_and_quoted_ones_stay_strings()
    {
        var document = YamlManifestReader.Read("a: 80\nb: \"80\"\nc: on\nd: 0.5Gi\ne: ~\nf: 1.5\n").Documents.Single();
        var content = document.Content!.AsObject();

        content["a"]!.GetValue<long>().Should().Be(80);
        content["b"]!.GetValue<string>().Should().Be("80");
        content["c"]!.GetValue<bool>().Should().BeTrue();
        content["d"]!.GetValue<string>().Should().Be("0.5Gi");
        content["e"].Should().BeNull();
        content["f"]!.GetValue<double>().Should().Be(1.5);
    }

    [Fact]
    public void An_unknown_field_is_rejected_by_name_not_silently_dropped()
    {
        var text = ManifestText.VirtualMachine.With("disk:\n              bus: virtio", "lun: {}");

        var errors = ManifestLoader.Load(text).Resources.Single().Errors.Select(e => e.ToString());

        errors.Should().Contain(e => e.StartsWith("spec.template.spec.domain.devices.disks[0].lun: unknown field", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_reported_as_the_api_server_would()
    {
        var text = ManifestText.VirtualMachine.With("cores: 2", "cores: two");

        var errors = ManifestLoader.Load(text).Resources.Single().Errors.Select(e => e.ToString());

        errors.Should().Equal("spec.template.spec.domain.cpu.cores: Invalid value: \"string\": spec.template.spec.domain.cpu.cores in body must be of type integer: \"string\"");
    }

    [Fact]
    public void An_unparsable_quantity_is_an_error_naming_the_field()
    {
        var text = ManifestText.VirtualMachine.With("guest: 128Mi", "guest: 12 8Mi");

        var errors = ManifestLoader.Load(text).Resources.Single().Errors.Select(e => e.ToString());

        errors.Should().ContainSingle().Which.Should().StartWith("spec.template.spec.domain.memory.guest: Invalid value: \"12 8Mi\"");
    }

    [Theory]
    [InlineData("1Gi")]
    [InlineData("512M")]
    [InlineData("0.5Gi")]
    public void Quantities_in_any_kubernetes_form_are_accepted(string quantity) =>
        ManifestLoader.Load(ManifestText.VirtualMachine.With("guest: 128Mi", $"guest: {quantity}")).IsValid.Should().BeTrue();

    [Theory]
    [InlineData("spec: null")]
    [InlineData("spec:\n  template: null")]
    [InlineData("spec:\n  template:\n    spec:\n      domain: null")]
    [InlineData("spec:\n  template:\n    spec:\n      domain:\n        devices: null\n        memory: null")]
    public void Explicit_nulls_are_reported_as_missing_fields_not_crashes(string spec)
    {
        var text = $"apiVersion: vmaddon.io/v1alpha1\nkind: VirtualMachine\nmetadata:\n  name: a\n{spec}\n";

        var result = ManifestLoader.Load(text);

        result.IsValid.Should().BeFalse();
        result.Resources.Single().Errors.Should().NotBeEmpty();
    }
}
