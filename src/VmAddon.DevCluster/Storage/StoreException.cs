namespace VmAddon.DevCluster.Storage;

/// <summary>A failed store operation, carrying the Status reason, HTTP code and message kube-apiserver would answer with.</summary>
public sealed class StoreException(StoreErrorReason reason, int code, string message) : Exception(message)
{
    public StoreErrorReason Reason { get; } = reason;

    public int Code { get; } = code;

    internal static StoreException NotFound(string qualifiedResource, string name) =>
        new(StoreErrorReason.NotFound, 404, $"{qualifiedResource} \"{name}\" not found");

    internal static StoreException AlreadyExists(string qualifiedResource, string name) =>
        new(StoreErrorReason.AlreadyExists, 409, $"{qualifiedResource} \"{name}\" already exists");

    internal static StoreException Conflict(string qualifiedResource, string name, string detail) =>
        new(StoreErrorReason.Conflict, 409, $"Operation cannot be fulfilled on {qualifiedResource} \"{name}\": {detail}");

    internal static StoreException Invalid(string qualifiedResource, string name, string detail) =>
        new(StoreErrorReason.Invalid, 422, $"{qualifiedResource} \"{name}\" is invalid: {detail}");

    internal static StoreException BadRequest(string message) => new(StoreErrorReason.BadRequest, 400, message);

    internal static StoreException Expired(string message) => new(StoreErrorReason.Expired, 410, message);
}
