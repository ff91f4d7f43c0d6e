namespace VmAddon.Patching;

/// <summary>The PATCH content types kube-apiserver accepts, and its 415 answer when a resource does not take one.</summary>
public static class PatchMediaTypes
{
    public const string JsonPatch = "application/json-patch+json";
    public const string MergePatch = "application/merge-patch+json";
    public const string StrategicMergePatch = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    /// <summary>kube-apiserver's message (HTTP 415, reason UnsupportedMediaType) for a strategic merge patch on a custom resource.</summary>
    public const string CustomResourceUnsupportedMessage =
        "the body of the request was in an unknown format - accepted media types include: " + JsonPatch + ", " + MergePatch + ", " + ApplyPatch;

    /// <summary>The same message for a built-in type given a content type that is no patch at all.</summary>
    public const string BuiltInUnsupportedMessage =
        "the body of the request was in an unknown format - accepted media types include: " + JsonPatch + ", " + MergePatch + ", " + StrategicMergePatch + ", " + ApplyPatch;

    /// <summary>Null when the content type can patch the resource, else the message to send with HTTP 415.</summary>
    public static string? RejectionFor(string contentType, bool isCustomResource)
    {
        ArgumentNullException.ThrowIfNull(contentType);
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType switch
        {
            JsonPatch or MergePatch or ApplyPatch => null,
            StrategicMergePatch when !isCustomResource => null,
            _ => isCustomResource ? CustomResourceUnsupportedMessage : BuiltInUnsupportedMessage,
        };
    }
}
