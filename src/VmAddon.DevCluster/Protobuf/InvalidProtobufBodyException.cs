namespace VmAddon.DevCluster.Protobuf;

/// <summary>A protobuf request body that is not a well-formed Kubernetes protobuf envelope; the server answers 400 BadRequest.</summary>
public sealed class InvalidProtobufBodyException(string message)
    : FormatException($"the request body is not valid Kubernetes protobuf: {message}");
