namespace LibvirtSharp;

/// <summary>libvirt's <c>virDomainMigrateFlags</c> that <see cref="MigrationOptions"/> maps to.</summary>
[Flags]
internal enum MigrationFlags : uint
{
    None = 0,
    Live = 1,
    PeerToPeer = 2,
    PersistDestination = 8,
    UndefineSource = 16,
    NonSharedDisk = 64,
    NonSharedIncremental = 128,
    AbortOnError = 4096,
    AutoConverge = 8192,
}
