namespace VmAddon.Api;

/// <summary>The values of <see cref="Disk.Cache"/>, which are libvirt's cache modes.</summary>
public static class DiskCache
{
    public const string None = "none";
    public const string WriteThrough = "writethrough";
    public const string WriteBack = "writeback";
}
