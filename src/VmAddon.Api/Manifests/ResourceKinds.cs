using System.Text.Json;
using System.Text.Json.Nodes;
using k8s;
using VmAddon.Api.Validation;

namespace VmAddon.Api.Manifests;

/// <summary>The kinds VmAddon serves, and what to say about the apiVersions and kinds it does not.</summary>
public static class ResourceKinds
{
    /// <summary>KubeVirt's API groups; a manifest in one of them needs <c>kubectl vm convert</c> first.</summary>
    public static readonly IReadOnlyList<string> KubeVirtGroups = ["kubevirt.io", "pool.kubevirt.io"];

    public static readonly IReadOnlyList<string> Kinds =
    [
        ApiGroup.VirtualMachineKind,
        ApiGroup.VirtualMachineInstanceKind,
        ApiGroup.VirtualMachineInstanceMigrationKind,
        ApiGroup.VirtualMachinePoolKind,
    ];

    /// <summary>Checks apiVersion and kind; returns the errors, none when VmAddon serves the kind.</summary>
    public static IReadOnlyList<FieldError> CheckTypeMeta(string? apiVersion, string? kind)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrEmpty(apiVersion))
        {
            errors.Add(new FieldError("apiVersion", $"Required value: set apiVersion: {ApiGroup.ApiVersion}"));
        }
        else if (apiVersion != ApiGroup.ApiVersion && (kind is null || Kinds.Contains(kind)))
        {
            // With a kind VmAddon does not serve, the kind is the problem to report; no apiVersion would help.
            var group = apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
            var hint = KubeVirtGroups.Contains(group) && kind is not null
                ? "this is a KubeVirt manifest; run `kubectl vm convert -f FILE` to rewrite it"
                : $"VmAddon serves {ApiGroup.ApiVersion}";
            errors.Add(new FieldError("apiVersion", $"Unsupported value: \"{apiVersion}\": {hint}"));
        }

        if (string.IsNullOrEmpty(kind))
        {
            errors.Add(new FieldError("kind", $"Required value: set kind to one of {string.Join(", ", Kinds)}"));
        }
        else if (!Kinds.Contains(kind))
        {
            errors.Add(new FieldError("kind", $"Unsupported value: \"{kind}\": VmAddon serves {string.Join(", ", Kinds)}"));
        }

        return errors;
    }

    /// <summary>Types a JSON object as the kind it declares, and fills in defaults.</summary>
    internal static object Materialize(string kind, JsonNode content)
    {
        var json = content.ToJsonString();
        return kind switch
        {
            ApiGroup.VirtualMachineKind => ResourceDefaulter.Apply(Deserialize<VirtualMachine>(json)),
            ApiGroup.VirtualMachineInstanceKind => ResourceDefaulter.Apply(Deserialize<VirtualMachineInstance>(json)),
            ApiGroup.VirtualMachinePoolKind => ResourceDefaulter.Apply(Deserialize<VirtualMachinePool>(json)),
            ApiGroup.VirtualMachineInstanceMigrationKind => Deserialize<VirtualMachineInstanceMigration>(json),
            _ => throw new ArgumentException($"unknown kind {kind}", nameof(kind)),
        };
    }

    private static T Deserialize<T>(string json) =>
        KubernetesJson.Deserialize<T>(json) ?? throw new JsonException("the document is null");
}
