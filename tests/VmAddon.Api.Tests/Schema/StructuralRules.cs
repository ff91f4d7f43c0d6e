using System.Text.Json.Nodes;

namespace VmAddon.Api.Tests.Schema;

/// <summary>
/// The rules of a structural schema that kube-apiserver enforces when a CRD is created, for the shapes the
/// generator emits: every node is typed (except int-or-string), anyOf appears only as int-or-string's
/// [integer, string], properties and additionalProperties never meet, arrays have items, and list-map keys are required.
/// </summary>
internal static class StructuralRules
{
    public static void Check(JsonObject node, string path, List<string> problems)
    {
        var intOrString = node["x-kubernetes-int-or-string"]?.GetValue<bool>() == true;
        var type = node["type"]?.GetValue<string>();
        if (intOrString)
        {
            if (type is not null)
            {
                problems.Add($"{path}: int-or-string must not have a type");
            }

            var anyOf = node["anyOf"]?.AsArray().Select(s => s!.ToJsonString()).ToList();
            if (anyOf is not null && !anyOf.SequenceEqual(["""{"type":"integer"}""", """{"type":"string"}"""]))
            {
                problems.Add($"{path}: int-or-string anyOf must be [integer, string]");
            }
        }
        else
        {
            if (type is null && node["x-kubernetes-preserve-unknown-fields"] is null)
            {
                problems.Add($"{path}: type is required");
            }

            if (node["anyOf"] is not null || node["allOf"] is not null || node["oneOf"] is not null)
            {
                problems.Add($"{path}: logical junctors are only allowed for int-or-string here");
            }
        }

        if (node["properties"] is not null && node["additionalProperties"] is not null)
        {
            problems.Add($"{path}: properties and additionalProperties are mutually exclusive");
        }

        if (type == "array" && node["items"] is not JsonObject)
        {
            problems.Add($"{path}: an array needs items");
        }

        if (node["x-kubernetes-list-map-keys"] is JsonArray keys)
        {
            var required = node["items"]?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet() ?? [];
            problems.AddRange(keys.Select(k => k!.GetValue<string>()).Where(k => !required.Contains(k))
                .Select(k => $"{path}: list-map key {k} must be required"));
        }

        if (node["properties"] is JsonObject properties)
        {
            foreach (var (name, child) in properties)
            {
                Check((JsonObject)child!, $"{path}.properties[{name}]", problems);
            }
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            Check(additional, $"{path}.additionalProperties", problems);
        }

        if (node["items"] is JsonObject items)
        {
            Check(items, $"{path}.items", problems);
        }
    }
}
