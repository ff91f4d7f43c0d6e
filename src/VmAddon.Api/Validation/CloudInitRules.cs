using System.Text;

namespace VmAddon.Api.Validation;

/// <summary>cloudInitNoCloud: at most one source each for user data and network data, valid base64, bounded size.</summary>
internal static class CloudInitRules
{
    /// <summary>KubeVirt's limit on inline cloud-init user data.</summary>
    private const int MaxUserDataBytes = 16 * 1024;

    public static void Validate(CloudInitNoCloudSource source, string path, FieldErrors errors)
    {
        var userSources = Present(("userData", source.UserData), ("userDataBase64", source.UserDataBase64), ("secretRef", source.SecretRef));
        var networkSources = Present(("networkData", source.NetworkData), ("networkDataBase64", source.NetworkDataBase64), ("networkDataSecretRef", source.NetworkDataSecretRef));
        if (userSources.Count == 0 && networkSources.Count == 0)
        {
            errors.Required(path, "set userData, userDataBase64 or secretRef (or network data)");
        }

        if (userSources.Count > 1)
        {
            errors.Add(path, $"may set only one of userData, userDataBase64 and secretRef, but sets {string.Join(" and ", userSources)}");
        }

        if (networkSources.Count > 1)
        {
            errors.Add(path, $"may set only one of networkData, networkDataBase64 and networkDataSecretRef, but sets {string.Join(" and ", networkSources)}");
        }

        var userData = source.UserData is { } text ? Encoding.UTF8.GetByteCount(text) : DecodedLength(source.UserDataBase64, $"{path}.userDataBase64", errors);
        if (userData > MaxUserDataBytes)
        {
            errors.Add($"{path}.{userSources[0]}", $"user data is {userData} bytes; the limit is {MaxUserDataBytes} bytes");
        }

        DecodedLength(source.NetworkDataBase64, $"{path}.networkDataBase64", errors);
        if (source.SecretRef is { Name: null or "" })
        {
            errors.Required($"{path}.secretRef.name", "name the Secret that holds the user data");
        }

        if (source.NetworkDataSecretRef is { Name: null or "" })
        {
            errors.Required($"{path}.networkDataSecretRef.name", "name the Secret that holds the network data");
        }
    }

    private static List<string> Present(params (string Field, object? Value)[] fields) =>
        [.. fields.Where(f => f.Value is not null).Select(f => f.Field)];

    private static int DecodedLength(string? base64, string path, FieldErrors errors)
    {
        if (base64 is null)
        {
            return 0;
        }

        var buffer = new byte[(base64.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(base64, buffer, out var length))
        {
            errors.Add(path, "Invalid value: is not valid base64");
            return 0;
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, length);
        }
        catch (DecoderFallbackException)
        {
            errors.Add(path, "Invalid value: decodes to bytes that are not UTF-8 text; VmAddon passes cloud-init data as text");
        }

        return length;
    }
}
