using System.Text.Json.Nodes;
using k8s.Models;

namespace VmAddon.DevCluster.OpenApi;

/// <summary>The named schemas kube-apiserver writes by hand rather than from a struct: IntOrString, Quantity and Patch.</summary>
internal static class WellKnownSchemas
{
    public static JsonObject For(Type model) =>
        model == typeof(IntOrString) ? IntOrString()
        : model == typeof(ResourceQuantity) ? Quantity()
        : model == typeof(V1Patch) ? Patch()
        : throw new NotSupportedException($"{model.FullName} has no hand-written schema.");

    // OpenAPI v3 can say "integer or string"; the v2 document falls back to a formatted string.
    private static JsonObject IntOrString() => new()
    {
        ["description"] = "A value that is either a 32-bit integer or a string, such as a port number or a port name.",
        ["format"] = "int-or-string",
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "integer" }, new JsonObject { ["type"] = "string" }),
        ["x-kubernetes-int-or-string"] = true,
    };

    // Kubernetes serialises quantities as strings ("500m", "1Gi") and accepts plain numbers too.
    private static JsonObject Quantity() => new()
    {
        ["description"] = "A fixed-point number with an optional suffix: a decimal SI suffix (k, M, G, m), a binary suffix (Ki, Mi, Gi) or a decimal exponent (1e3). Serialised as a string.",
        ["oneOf"] = new JsonArray(new JsonObject { ["type"] = "string" }, new JsonObject { ["type"] = "number" }),
    };

    private static JsonObject Patch() => new()
    {
        ["description"] = "The body of a PATCH request: a JSON patch, a merge patch, a strategic merge patch or an apply configuration, as the content type says.",
        ["type"] = "object",
    };
}
