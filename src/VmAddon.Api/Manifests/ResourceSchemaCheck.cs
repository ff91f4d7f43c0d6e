using System.Text.Json.Nodes;
using VmAddon.Api.Schema;
using VmAddon.Api.Validation;

namespace VmAddon.Api.Manifests;

/// <summary>Checks a document against the OpenAPI schema its CRD carries, as the API server does under strict field validation.</summary>
internal static class ResourceSchemaCheck
{
    /// <summary>
    /// The schema errors of <paramref name="content"/>, and the document as the API server would store it:
    /// unknown fields and explicit nulls dropped.
    /// </summary>
    public static (IReadOnlyList<FieldError> Errors, JsonObject Pruned) Check(string kind, JsonObject content)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(content);
        var validator = (CrdCatalog.FindByKind(kind) ?? throw new ArgumentException($"no CRD for kind {kind}", nameof(kind))).Validator;
        var result = validator.Validate(content);

        // kubectl's strict validation says only "unknown field"; say why it matters here.
        var unknown = result.UnknownFields.Select(e => e with
        {
            Message = "unknown field: VmAddon's schema has no such field (a typo, or a KubeVirt feature VmAddon does not support yet)",
        });
        return ([.. unknown, .. result.Errors], validator.Prune(content).Pruned as JsonObject ?? []);
    }
}
