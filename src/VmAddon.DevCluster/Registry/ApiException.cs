using System.Text.Json.Nodes;
using VmAddon.Api.Validation;
using VmAddon.Api.Schema;
using VmAddon.DevCluster.Catalog;
using VmAddon.DevCluster.Storage;

namespace VmAddon.DevCluster.Registry;

/// <summary>A failed request, answered with a Kubernetes <c>Status</c> object carrying kube-apiserver's code, reason, message and details.</summary>
public sealed class ApiException(int code, string reason, string message, JsonObject? details = null) : Exception(message)
{
    public int Code { get; } = code;

    public string Reason { get; } = reason;

    public JsonObject? Details { get; } = details;

    /// <summary>The <c>Status</c> object kube-apiserver sends for this error.</summary>
    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is not null)
        {
            status["details"] = Details.DeepClone();
        }

        status["code"] = Code;
        return status;
    }

    public static ApiException BadRequest(string message) => new(400, "BadRequest", message);

    public static ApiException NotFoundPath() => new(404, "NotFound", "the server could not find the requested resource", new JsonObject());

    public static ApiException MethodNotAllowed(ApiResource resource) =>
        new(405, "MethodNotAllowed", "the server does not allow this method on the requested resource", Named(resource, ""));

    public static ApiException NotFound(ApiResource resource, string name) =>
        new(404, "NotFound", $"{resource.Type.QualifiedName} \"{name}\" not found", Named(resource, name));

    public static ApiException NamespaceNotFound(string ns) =>
        new(404, "NotFound", $"namespaces \"{ns}\" not found", new JsonObject { ["name"] = ns, ["kind"] = "namespaces" });

    public static ApiException Forbidden(ApiResource resource, string name, string detail) =>
        new(403, "Forbidden", $"{resource.Type.QualifiedName} \"{name}\" is forbidden: {detail}", Named(resource, name));

    public static ApiException UnsupportedMediaType(string message) => new(415, "UnsupportedMediaType", message);

    /// <summary>422 Invalid with one cause per field error; kube's message lists one error bare, several in brackets.</summary>
    public static ApiException Invalid(ApiResource resource, string name, IReadOnlyList<FieldError> errors)
    {
        var groupKind = resource.Group.Length == 0 ? resource.Kind : $"{resource.Kind}.{resource.Group}";
        var texts = errors.Select(e => $"{e.Path}: {e.Message}").ToList();
        var joined = texts.Count == 1 ? texts[0] : $"[{string.Join(", ", texts)}]";
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Kind;
        details["causes"] = new JsonArray([.. errors.Select(e => (JsonNode)new JsonObject
        {
            ["reason"] = FieldErrorReason.Of(e),
            ["message"] = e.Message,
            ["field"] = e.Path,
        })]);
        return new ApiException(422, "Invalid", $"{groupKind} \"{name}\" is invalid: {joined}", details);
    }

    /// <summary>The HTTP form of a storage error, with the details kube-apiserver adds.</summary>
    public static ApiException From(StoreException error, ApiResource resource, string name) => error.Reason switch
    {
        StoreErrorReason.NotFound when error.Message.StartsWith("namespaces ", StringComparison.Ordinal) && resource.Plural != "namespaces" =>
            new ApiException(404, "NotFound", error.Message, new JsonObject { ["name"] = error.Message.Split('"')[1], ["kind"] = "namespaces" }),
        StoreErrorReason.NotFound or StoreErrorReason.AlreadyExists or StoreErrorReason.Conflict =>
            new ApiException(error.Code, error.Reason.ToString(), error.Message, Named(resource, name)),
        StoreErrorReason.Invalid => new ApiException(error.Code, "Invalid", error.Message, Named(resource, name)),
        _ => new ApiException(error.Code, error.Reason.ToString(), error.Message),
    };

    private static JsonObject Named(ApiResource resource, string name)
    {
        var details = new JsonObject { ["name"] = name };
        if (resource.Group.Length > 0)
        {
            details["group"] = resource.Group;
        }

        details["kind"] = resource.Plural;
        return details;
    }
}
