using System.Text.Json.Nodes;

namespace VmAddon.Api.Schema;

/// <summary>One VmAddon kind: its names, its CRD, and the schema the CRD carries.</summary>
public sealed class CrdResource
{
    private readonly JsonObject _openApiV3Schema;
    private readonly JsonObject _crd;

    internal CrdResource(CrdDefinition definition)
    {
        Definition = definition;
        _openApiV3Schema = OpenApiSchemaGenerator.ForResource(definition.SpecType, definition.StatusType, definition.Description);
        _crd = CrdRenderer.Render(definition, _openApiV3Schema);
        Schema = StructuralSchema.Parse(_openApiV3Schema);
        Validator = new StructuralValidator(Schema, isResourceRoot: true);
        SpecValidator = new StructuralValidator(SpecSchema, isResourceRoot: false);
    }

    /// <summary>The names, columns and subresources the CRD is made from.</summary>
    public CrdDefinition Definition { get; }

    public string Kind => Definition.Kind;

    public string Plural => Definition.Plural;

    /// <summary>The CRD's name, for example virtualmachines.vmaddon.io.</summary>
    public string CrdName => $"{Definition.Plural}.{ApiGroup.Group}";

    /// <summary>The file the CRD is written to under crds/.</summary>
    public string FileName => CrdName + ".yaml";

    /// <summary>The parsed openAPIV3Schema of the whole resource.</summary>
    public StructuralSchema Schema { get; }

    /// <summary>The parsed schema of <c>spec</c>.</summary>
    public StructuralSchema SpecSchema => Schema.Properties["spec"];

    /// <summary>Validates and prunes whole manifests of this kind (apiVersion, kind, metadata, spec, status).</summary>
    public StructuralValidator Validator { get; }

    /// <summary>Validates a spec alone; pass "spec" as the path to get manifest-style paths.</summary>
    public StructuralValidator SpecValidator { get; }

    /// <summary>A fresh copy of the openAPIV3Schema, safe to modify.</summary>
    public JsonObject CreateOpenApiV3Schema() => (JsonObject)_openApiV3Schema.DeepClone();

    /// <summary>A fresh copy of the apiextensions.k8s.io/v1 CustomResourceDefinition, safe to modify.</summary>
    public JsonObject CreateCrd() => (JsonObject)_crd.DeepClone();

    /// <summary>The content of crds/<see cref="FileName"/>: a generated-file header, then the CRD as YAML.</summary>
    public string RenderYaml() => CrdCatalog.GeneratedHeader + "---\n" + YamlWriter.Write(_crd);
}
