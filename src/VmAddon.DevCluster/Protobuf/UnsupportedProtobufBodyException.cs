namespace VmAddon.DevCluster.Protobuf;

/// <summary>A well-formed protobuf body the dev API server cannot turn into JSON faithfully; the server answers 415 UnsupportedMediaType.</summary>
public sealed class UnsupportedProtobufBodyException : Exception
{
    public UnsupportedProtobufBodyException(string apiVersion, string kind, string? fieldPath = null)
        : base(Describe(apiVersion, kind, fieldPath))
    {
        ApiVersion = apiVersion;
        Kind = kind;
        FieldPath = fieldPath;
    }

    public string ApiVersion { get; }

    public string Kind { get; }

    /// <summary>The field the decoder has no schema for, or null when the whole kind is unknown.</summary>
    public string? FieldPath { get; }

    private static string Describe(string apiVersion, string kind, string? fieldPath) => fieldPath is null
        ? $"protobuf body of kind {kind} ({apiVersion}) is not supported by the dev API server; use -o json or kubectl apply"
        : $"protobuf body of kind {kind} ({apiVersion}) sets {fieldPath}, which the dev API server cannot decode from protobuf; use -o json or kubectl apply";
}
