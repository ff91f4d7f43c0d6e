using System.Text.RegularExpressions;
using k8s.Models;

namespace VmAddon.Api.Validation;

/// <summary>Checks an object's name as the API server would: a DNS subdomain, or a generateName.</summary>
internal static partial class MetadataRules
{
    private const int MaxNameLength = 253;

    public static void Validate(V1ObjectMeta? metadata, FieldErrors errors)
    {
        var name = metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            if (string.IsNullOrEmpty(metadata?.GenerateName))
            {
                errors.Required("metadata.name", "name or generateName is required");
            }

            return;
        }

        if (name.Length > MaxNameLength || !Dns1123Subdomain().IsMatch(name))
        {
            errors.Add("metadata.name", $"Invalid value: \"{name}\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character");
        }
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex Dns1123Subdomain();
}
