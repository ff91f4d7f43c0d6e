using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>Reads a domain's name and UUID, which libvirt caches in the domain object, so no daemon round trip.</summary>
internal static unsafe class DomainIdentity
{
    private const int UuidStringLength = 37;

    internal static Guid ReadUuid(IntPtr domain)
    {
        var buffer = stackalloc byte[UuidStringLength];
        if (DomainNative.virDomainGetUUIDString(domain, buffer) < 0)
        {
            throw LibvirtException.FromLastError("virDomainGetUUIDString");
        }

        return Guid.Parse(new ReadOnlySpan<byte>(buffer, UuidStringLength - 1));
    }

    internal static string ReadName(IntPtr domain) =>
        NativeString.Borrow(DomainNative.virDomainGetName(domain)) ?? throw LibvirtException.FromLastError("virDomainGetName");
}
