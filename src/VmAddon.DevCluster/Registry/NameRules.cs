using System.Text.RegularExpressions;
using VmAddon.Api.Validation;

namespace VmAddon.DevCluster.Registry;

/// <summary>kube-apiserver's checks of object names, with its messages.</summary>
public static partial class NameRules
{
    private const string SubdomainMessage =
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

    private const string LabelMessage =
        "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

    /// <summary>Resources whose names must be DNS labels rather than subdomains.</summary>
    private static readonly HashSet<string> LabelNamed = ["namespaces", "services"];

    /// <summary>The errors of a name for a resource (empty when the name is valid).</summary>
    public static IReadOnlyList<FieldError> Check(string plural, string group, string name)
    {
        // Events and leases of the core group and the rest: kube only forbids path segments there; we use the subdomain rule like most types.
        if (name is "." or ".." || name.Contains('/') || name.Contains('%'))
        {
            return [new FieldError("metadata.name", $"Invalid value: \"{name}\": may not contain '/' or '%' and may not be '.' or '..'")];
        }

        if (group.Length == 0 && LabelNamed.Contains(plural))
        {
            return name.Length > 63 ? [TooLong(name, 63)] : DnsLabel().IsMatch(name) ? [] : [new FieldError("metadata.name", $"Invalid value: \"{name}\": {LabelMessage}")];
        }

        if (group.Length == 0 && plural is "events")
        {
            return [];
        }

        return name.Length > 253 ? [TooLong(name, 253)] : DnsSubdomain().IsMatch(name) ? [] : [new FieldError("metadata.name", $"Invalid value: \"{name}\": {SubdomainMessage}")];
    }

    private static FieldError TooLong(string name, int max) => new("metadata.name", $"Invalid value: \"{name}\": must be no more than {max} characters");

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
