using VmAddon.Api;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Guests;

/// <summary>The domain XML the agent defines for a VMI, adapted to the hypervisor it runs on.</summary>
public static class GuestDomainXml
{
    /// <summary>The domain type libvirt's test driver accepts.</summary>
    public const string TestType = "test";

    /// <summary>
    /// Renders the defaulted VMI. Under <see cref="GuestHypervisor.Test"/> the domain keeps its devices but becomes a
    /// test-driver domain without QEMU's extras, so density runs exercise the same renderer without QEMU.
    /// </summary>
    public static string Render(VirtualMachineInstance vmi, GuestHypervisor hypervisor, bool softwareEmulation)
    {
        ArgumentNullException.ThrowIfNull(vmi);
        var domain = DomainRenderer.Render(ResourceDefaulter.Apply(vmi), new DomainRenderOptions { SoftwareEmulation = softwareEmulation });
        if (hypervisor == GuestHypervisor.Test)
        {
            domain = domain with { Type = TestType, QemuArguments = [], TcgTranslationCacheMiB = null };
        }

        return DomainXmlWriter.Write(domain);
    }

    /// <summary>The libvirt domain name of a VMI: <c>namespace_name</c>, as <see cref="DomainRenderer"/> names it.</summary>
    public static string DomainName(string ns, string name) => $"{ns}_{name}";

    /// <summary>The VMI key (<c>namespace/name</c>) of a domain name, or null when the name is not one of ours.</summary>
    public static string? KeyOf(string domainName)
    {
        ArgumentNullException.ThrowIfNull(domainName);
        // Namespaces are DNS labels, so the first underscore is the separator.
        var separator = domainName.IndexOf('_', StringComparison.Ordinal);
        return separator > 0 && separator < domainName.Length - 1 ? $"{domainName[..separator]}/{domainName[(separator + 1)..]}" : null;
    }
}
