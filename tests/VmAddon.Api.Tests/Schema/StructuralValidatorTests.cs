using System.Text.Json.Nodes;
using VmAddon.Api.Schema;

namespace VmAddon.Api.Tests.Schema;

public sealed class StructuralValidatorTests
{
    private const string Domain = "spec.template.spec.domain";
    private const string Disks = Domain + ".devices.disks";

    public static TheoryData<string, string, string> BadFields => new()
    {
        {
            "spec.runStrategy", "\"Sometimes\"",
            "spec.runStrategy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"Halted\", \"Manual\", \"RerunOnFailure\", \"Once\""
        },
        {
            Domain + ".cpu.cores", "0",
            $"{Domain}.cpu.cores: Invalid value: 0: {Domain}.cpu.cores in body should be greater than or equal to 1"
        },
        {
            Domain + ".cpu.cores", "513",
            $"{Domain}.cpu.cores: Invalid value: 513: {Domain}.cpu.cores in body should be less than or equal to 512"
        },
        {
            Domain + ".cpu.cores", "\"two\"",
            $"{Domain}.cpu.cores: Invalid value: \"string\": {Domain}.cpu.cores in body must be of type integer: \"string\""
        },
        {
            Domain + ".cpu.cores", "1.5",
            $"{Domain}.cpu.cores: Invalid value: \"number\": {Domain}.cpu.cores in body must be of type integer: \"number\""
        },
        {
            Disks + "[1].name", "\"Data_1\"",
            $"{Disks}[1].name: Invalid value: \"Data_1\": {Disks}[1].name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"
        },
        {
            // RE2's $ does not match before a trailing newline, so neither may ours.
            Disks + "[1].name", "\"data\\n\"",
            $"{Disks}[1].name: Invalid value: \"data\\n\": {Disks}[1].name in body should match '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$'"
        },
        {
            Disks + "[0].disk.bus", "\"ide\"",
            $"{Disks}[0].disk.bus: Unsupported value: \"ide\": supported values: \"virtio\", \"sata\", \"scsi\""
        },
        {
            Disks + "[0].bootOrder", "0",
            $"{Disks}[0].bootOrder: Invalid value: 0: {Disks}[0].bootOrder in body should be greater than or equal to 1"
        },
        {
            Domain + ".memory.guest", "true",
            $"{Domain}.memory.guest: Invalid value: \"boolean\": {Domain}.memory.guest in body must be of type integer,string: \"boolean\""
        },
        {
            Domain + ".memory.guest", "\"lots\"",
            $"{Domain}.memory.guest: Invalid value: \"lots\": {Domain}.memory.guest in body should match '{OpenApiSchemaGenerator.QuantityPattern}'"
        },
        {
            Domain + ".resources.requests.memory", "\"1 Gi\"",
            $"{Domain}.resources.requests[memory]: Invalid value: \"1 Gi\": {Domain}.resources.requests[memory] in body should match '{OpenApiSchemaGenerator.QuantityPattern}'"
        },
        {
            "spec.template.spec.nodeSelector.kubernetes\u2024io/os", "5",
            "spec.template.spec.nodeSelector[kubernetes\u2024io/os]: Invalid value: \"integer\": spec.template.spec.nodeSelector[kubernetes\u2024io/os] in body must be of type string: \"integer\""
        },
        {
            Domain + ".devices.interfaces[0].ports[0].port", "70000",
            $"{Domain}.devices.interfaces[0].ports[0].port: Invalid value: 70000: {Domain}.devices.interfaces[0].ports[0].port in body should be less than or equal to 65535"
        },
        {
            Domain + ".devices.interfaces[0].macAddress", "\"52:54:00\"",
            $"{Domain}.devices.interfaces[0].macAddress: Invalid value: \"52:54:00\": {Domain}.devices.interfaces[0].macAddress in body should match '^([0-9A-Fa-f]{{2}}[:-]){{5}}[0-9A-Fa-f]{{2}}$'"
        },
        {
            "spec.running", "\"yes\"",
            "spec.running: Invalid value: \"string\": spec.running in body must be of type boolean: \"string\""
        },
        {
            "spec.template.spec.terminationGracePeriodSeconds", "-1",
            "spec.template.spec.terminationGracePeriodSeconds: Invalid value: -1: spec.template.spec.terminationGracePeriodSeconds in body should be greater than or equal to 0"
        },
        {
            "spec.template.spec.volumes", "{}",
            "spec.template.spec.volumes: Invalid value: \"object\": spec.template.spec.volumes in body must be of type array: \"object\""
        },
        {
            "status.conditions[0].lastTransitionTime", "\"yesterday\"",
            "status.conditions[0].lastTransitionTime: Invalid value: \"yesterday\": status.conditions[0].lastTransitionTime in body must be of type date-time: \"yesterday\""
        },
        {
            "status.conditions[0].status", "\"Maybe\"",
            "status.conditions[0].status: Unsupported value: \"Maybe\": supported values: \"True\", \"False\", \"Unknown\""
        },
        {
            "spec.template.spec.volumes[0].containerDisk.image", "null",
            "spec.template.spec.volumes[0].containerDisk.image: Required value"
        },
        {
            "spec.template.spec.domain.devices.disks[0]", "null",
            $"{Disks}[0]: Invalid value: \"null\": {Disks}[0] in body must be of type object: \"null\""
        },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void Validate_Reports_Kube_Apiserver_Message_For_A_Bad_Field(string path, string json, string expected)
    {
        // U+2024 stands for a dot inside a map key, so the test path helper does not split on it.
        var manifest = Manifests.VirtualMachine();
        if (path.Contains('\u2024', StringComparison.Ordinal))
        {
            var selector = (JsonObject)manifest["spec"]!["template"]!["spec"]!["nodeSelector"]!;
            selector.Clear();
            selector["kubernetes.io/os"] = JsonNode.Parse(json);
            expected = expected.Replace('\u2024', '.');
        }
        else
        {
            manifest.With(path, JsonNode.Parse(json));
        }

        var result = Validator("VirtualMachine").Validate(manifest);

        result.UnknownFields.Should().BeEmpty();
        result.Errors.Select(e => e.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void A_valid_VirtualMachine_has_no_errors()
    {
        var result = Validator("VirtualMachine").Validate(Manifests.VirtualMachine());

        result.IsValid.Should().BeTrue(string.Join("\n", result.All));
    }

    [Fact]
    public void A_valid_pool_has_no_errors()
    {
        var result = Validator("VirtualMachinePool").Validate(Manifests.Pool());

        result.IsValid.Should().BeTrue(string.Join("\n", result.All));
    }

    [Theory]
    [InlineData("spec", "spec: Required value")]
    [InlineData("spec.template", "spec.template: Required value")]
    [InlineData(Disks + "[0].name", Disks + "[0].name: Required value")]
    [InlineData(Domain + ".devices", Domain + ".devices: Required value")]
    [InlineData("status.conditions[0].type", "status.conditions[0].type: Required value")]
    public void Validate_Reports_Required_Value_When_A_Required_Field_Is_Missing(string path, string expected)
    {
        var result = Validator("VirtualMachine").Validate(Manifests.VirtualMachine().Without(path));

        result.Errors.Select(e => e.ToString()).Should().Equal(expected);
    }

    [Fact]
    public void Validate_Reports_Every_Error_At_Once()
    {
        var manifest = Manifests.VirtualMachine()
            .With("spec.runStrategy", "Sometimes")
            .With(Domain + ".cpu.cores", 0)
            .With(Domain + ".cpu.threads", 100)
            .Without(Disks + "[1].name")
            .With("spec.template.spec.evictionStrategy", "Never");

        var result = Validator("VirtualMachine").Validate(manifest);

        result.Errors.Select(e => e.Path).Should().BeEquivalentTo(
            "spec.runStrategy", Domain + ".cpu.cores", Domain + ".cpu.threads", Disks + "[1].name", "spec.template.spec.evictionStrategy");
    }

    [Fact]
    public void Validate_Reports_Duplicate_Keys_Of_A_Map_List()
    {
        var manifest = Manifests.VirtualMachine().With(Disks + "[1].name", "containerdisk");

        var result = Validator("VirtualMachine").Validate(manifest);

        result.Errors.Select(e => e.ToString()).Should().Equal(
            $"{Disks}[1]: Duplicate value: map[string]interface {{}}{{\"name\":\"containerdisk\"}}");
    }

    [Fact]
    public void Validate_Reports_Unknown_Fields_As_Strict_Field_Validation_Does()
    {
        var manifest = Manifests.VirtualMachine()
            .With("spec.foo", 1)
            .With(Domain + ".devices.interfaces[0].masquerade.mode", "nat")
            .With("metadata.colour", "blue");

        var result = Validator("VirtualMachine").Validate(manifest);

        result.Errors.Should().BeEmpty();
        result.UnknownFields.Select(e => e.Message).Should().BeEquivalentTo(
            "unknown field \"spec.foo\"",
            $"unknown field \"{Domain}.devices.interfaces[0].masquerade.mode\"",
            "unknown field \"metadata.colour\"");
        result.UnknownFields.Should().Contain(e => e.ToString() == "spec.foo: unknown field \"spec.foo\"");
    }

    [Fact]
    public void Validate_Does_Not_Look_Inside_An_Unknown_Field()
    {
        var manifest = Manifests.VirtualMachine().With("spec.extra", JsonNode.Parse("""{ "cores": "many" }"""));

        var result = Validator("VirtualMachine").Validate(manifest);

        result.Errors.Should().BeEmpty();
        result.UnknownFields.Select(e => e.Path).Should().Equal("spec.extra");
    }

    [Fact]
    public void Validate_Ignores_Nulls_Of_Optional_Fields_As_The_Api_Server_Drops_Them()
    {
        var manifest = Manifests.VirtualMachine().With("spec.runStrategy", null).With(Domain + ".cpu", null);

        Validator("VirtualMachine").Validate(manifest).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_Accepts_Kubectl_Style_Template_Metadata()
    {
        // kubectl and virtctl write "creationTimestamp: null" into template metadata; KubeVirt accepts it.
        var manifest = Manifests.VirtualMachine().With("spec.template.metadata.creationTimestamp", null);

        Validator("VirtualMachine").Validate(manifest).IsValid.Should().BeTrue();
    }

    [Theory]
    [InlineData("1Gi")]
    [InlineData("512M")]
    [InlineData("0.5Gi")]
    [InlineData("1e3")]
    [InlineData("1073741824")]
    public void Validate_Accepts_Quantities_As_Strings(string quantity)
    {
        var manifest = Manifests.VirtualMachine().With(Domain + ".memory.guest", quantity);

        Validator("VirtualMachine").Validate(manifest).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_Accepts_Quantities_As_Numbers_And_Integral_Floats_As_Integers()
    {
        var manifest = Manifests.VirtualMachine()
            .With(Domain + ".memory.guest", 1073741824)
            .With(Domain + ".cpu.cores", JsonNode.Parse("2.0"));

        Validator("VirtualMachine").Validate(manifest).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_Checks_Embedded_Kubernetes_Types()
    {
        var manifest = Manifests.Pool().Without("spec.selector.matchExpressions[0].operator");

        var result = Validator("VirtualMachinePool").Validate(manifest);

        result.Errors.Select(e => e.ToString()).Should().Equal("spec.selector.matchExpressions[0].operator: Required value");
    }

    [Fact]
    public void A_spec_can_be_validated_alone_with_manifest_paths()
    {
        var spec = Manifests.VirtualMachine()["spec"]!.DeepClone().AsObject().With("runStrategy", "Sometimes");

        var result = CrdCatalog.FindByKind("VirtualMachine")!.SpecValidator.Validate(spec, "spec");

        result.Errors.Select(e => e.Path).Should().Equal("spec.runStrategy");
    }

    [Fact]
    public void The_catalog_validates_a_manifest_by_its_kind()
    {
        CrdCatalog.Validate(Manifests.VirtualMachine().With("kind", "VirtualMachineInstanceReplicaSet")).Errors
            .Select(e => e.ToString()).Should().Equal(
                "kind: Unsupported value: \"VirtualMachineInstanceReplicaSet\": supported values: \"VirtualMachine\", \"VirtualMachineInstance\", \"VirtualMachineInstanceMigration\", \"VirtualMachinePool\"");
        CrdCatalog.Validate(Manifests.Pool().With("spec.replicas", -1)).Errors.Select(e => e.Path).Should().Equal("spec.replicas");
    }

    [Theory]
    [InlineData("Required value", "FieldValueRequired")]
    [InlineData("Unsupported value: \"x\": supported values: \"y\"", "FieldValueNotSupported")]
    [InlineData("Invalid value: 0: a in body should be greater than or equal to 1", "FieldValueInvalid")]
    [InlineData("Invalid value: \"string\": a in body must be of type object: \"string\"", "FieldValueTypeInvalid")]
    [InlineData("Duplicate value: \"a\"", "FieldValueDuplicate")]
    public void Each_error_maps_to_the_status_cause_reason_kube_apiserver_uses(string message, string reason) =>
        FieldErrorReason.Of(new Api.Validation.FieldError("a", message)).Should().Be(reason);

    private static StructuralValidator Validator(string kind) => CrdCatalog.FindByKind(kind)!.Validator;
}
