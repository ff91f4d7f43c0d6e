using k8s.Models;
using VmAddon.Api.Schema;

namespace VmAddon.Api;

/// <summary>A NoCloud seed: user data and network data, inline, base64 or from a Secret.</summary>
public sealed record CloudInitNoCloudSource
{
    [Doc("User data, inline, for example a #cloud-config document or a #! script.")]
    public string? UserData { get; init; }

    [Doc("User data, base64-encoded.")]
    public string? UserDataBase64 { get; init; }

    [Doc("A Secret whose key userdata (or userData) holds the user data.")]
    public V1LocalObjectReference? SecretRef { get; init; }

    [Doc("Network configuration (version 1 or 2), inline.")]
    public string? NetworkData { get; init; }

    [Doc("Network configuration, base64-encoded.")]
    public string? NetworkDataBase64 { get; init; }

    [Doc("A Secret whose key networkdata (or networkData) holds the network configuration.")]
    public V1LocalObjectReference? NetworkDataSecretRef { get; init; }
}
