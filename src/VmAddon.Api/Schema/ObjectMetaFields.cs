using System.Reflection;
using System.Text.Json.Serialization;
using k8s.Models;

namespace VmAddon.Api.Schema;

/// <summary>The JSON field names of ObjectMeta, which the API server keeps at a resource's root whatever the CRD says.</summary>
internal static class ObjectMetaFields
{
    public static readonly IReadOnlySet<string> Names = typeof(V1ObjectMeta)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);
}
