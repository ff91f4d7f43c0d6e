using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.Api.Validation;

namespace VmAddon.DevCluster.Registry;

/// <summary>The checks kube-apiserver makes of a CustomResourceDefinition that this server relies on to serve it.</summary>
internal static class CrdValidation
{
    public static IReadOnlyList<FieldError> Check(JsonObject crd, JsonObject? old)
    {
        var errors = new List<FieldError>();
        var spec = crd["spec"] as JsonObject;
        var group = spec?["group"]?.GetValue<string>() ?? "";
        var plural = spec?["names"]?["plural"]?.GetValue<string>() ?? "";
        var kind = spec?["names"]?["kind"]?.GetValue<string>() ?? "";
        var name = crd["metadata"]?["name"]?.GetValue<string>() ?? "";
        if (group.Length == 0)
        {
            errors.Add(new FieldError("spec.group", "Required value"));
        }

        if (plural.Length == 0)
        {
            errors.Add(new FieldError("spec.names.plural", "Required value"));
        }

        if (kind.Length == 0)
        {
            errors.Add(new FieldError("spec.names.kind", "Required value"));
        }

        if (name != $"{plural}.{group}")
        {
            errors.Add(new FieldError("metadata.name", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        }

        if (spec?["scope"]?.GetValue<string>() is not ("Namespaced" or "Cluster"))
        {
            errors.Add(new FieldError("spec.scope", $"Unsupported value: \"{spec?["scope"]}\": supported values: \"Cluster\", \"Namespaced\""));
        }

        var versions = spec?["versions"] as JsonArray ?? [];
        if (versions.Count == 0)
        {
            errors.Add(new FieldError("spec.versions", "Invalid value: null: must have exactly one version marked as storage version"));
        }
        else if (versions.Count(v => v?["storage"]?.GetValue<bool>() == true) != 1)
        {
            errors.Add(new FieldError("spec.versions", $"Invalid value: {versions.ToJsonString()}: must have exactly one version marked as storage version"));
        }

        for (var i = 0; i < versions.Count; i++)
        {
            CheckSchema(versions[i] as JsonObject, $"spec.versions[{i}]", errors);
        }

        if (old is not null && old["spec"]?["group"]?.GetValue<string>() is { } oldGroup && oldGroup != group)
        {
            errors.Add(new FieldError("spec.group", $"Invalid value: \"{group}\": field is immutable"));
        }

        return errors;
    }

    private static void CheckSchema(JsonObject? version, string path, List<FieldError> errors)
    {
        if (version?["schema"]?["openAPIV3Schema"] is not JsonObject schema)
        {
            errors.Add(new FieldError($"{path}.schema.openAPIV3Schema", "Required value: schemas are required"));
            return;
        }

        try
        {
            _ = StructuralSchema.Parse(schema);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or InvalidCastException)
        {
            errors.Add(new FieldError($"{path}.schema.openAPIV3Schema", $"Invalid value: {e.Message}"));
        }
    }
}
