using System.Text;
using System.Text.RegularExpressions;
using VmAddon.Api;

namespace VmAddon.Core.CloudInit;

/// <summary>Renders the NoCloud seed files of a cloudInitNoCloud volume. Pure, so the controller and the launcher agree on them.</summary>
public static partial class CloudInitSeedRenderer
{
    /// <summary>The seed of the cloudInitNoCloud volume named <paramref name="volumeName"/> of <paramref name="vmi"/>.</summary>
    /// <exception cref="ArgumentException">No cloudInitNoCloud volume has that name, or its base64 data is malformed.</exception>
    public static NoCloudSeed Render(VirtualMachineInstance vmi, string volumeName)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        ArgumentNullException.ThrowIfNull(volumeName);
        var volumes = vmi.Spec.Volumes ?? [];
        for (var i = 0; i < volumes.Count; i++)
        {
            if (volumes[i].Name == volumeName && volumes[i].CloudInitNoCloud is { } source)
            {
                return Render(vmi, source, $"spec.volumes[{i}].cloudInitNoCloud");
            }
        }

        throw new ArgumentException($"VirtualMachineInstance \"{vmi.Metadata.Name}\" has no cloudInitNoCloud volume \"{volumeName}\".", nameof(volumeName));
    }

    /// <summary>The seed of <paramref name="source"/>; <paramref name="fieldPath"/> names it in error messages.</summary>
    internal static NoCloudSeed Render(VirtualMachineInstance vmi, CloudInitNoCloudSource source, string fieldPath) => new(
        MetaData(vmi),
        Data(source.UserData, source.UserDataBase64, $"{fieldPath}.userDataBase64"),
        Data(source.NetworkData, source.NetworkDataBase64, $"{fieldPath}.networkDataBase64"));

    /// <summary>
    /// instance-id is <c>&lt;name&gt;.&lt;namespace&gt;</c> and local-hostname is spec.hostname or else the VMI's name,
    /// as KubeVirt sets them. KubeVirt writes the same keys as JSON; we write YAML lines, which cloud-init reads just
    /// as well and a busybox guest can parse with sed.
    /// </summary>
    private static string MetaData(VirtualMachineInstance vmi)
    {
        var name = vmi.Metadata.Name ?? throw new ArgumentException("The VirtualMachineInstance has no metadata.name.", nameof(vmi));
        var hostname = string.IsNullOrEmpty(vmi.Spec.Hostname) ? name : vmi.Spec.Hostname;
        return $"instance-id: {YamlScalar($"{name}.{vmi.Metadata.NamespaceProperty}")}\nlocal-hostname: {YamlScalar(hostname)}\n";
    }

    private static string? Data(string? inline, string? base64, string base64FieldPath)
    {
        if (!string.IsNullOrEmpty(inline))
        {
            return inline;
        }

        if (string.IsNullOrEmpty(base64))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{base64FieldPath}: is not valid base64 ({e.Message})", e);
        }
    }

    /// <summary>
    /// Names are DNS labels, so a plain YAML scalar holds them, except where YAML would read a number, a
    /// boolean or null (a VM named "123", "yes" or "null"): those are quoted so cloud-init still sees a string.
    /// </summary>
    private static string YamlScalar(string value) =>
        NonStringScalar().IsMatch(value) ? $"\"{value}\"" : value;

    [GeneratedRegex(@"^([-+]?[0-9][0-9._eE+-]*|\.[0-9]+|y|yes|n|no|true|false|on|off|null|~)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NonStringScalar();
}
