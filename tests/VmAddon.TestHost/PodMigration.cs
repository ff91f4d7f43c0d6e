using LibvirtSharp;

namespace VmAddon.TestHost;

/// <summary>
/// How a guest moves between launcher Pods, as the agent will ask for it: live, to the target Pod's IP, copying only
/// the containerDisk's writable overlay (vda); the target launcher prepared the same backing image and seed.
/// </summary>
public static class PodMigration
{
    public static MigrationOptions To(LauncherPod target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new MigrationOptions
        {
            Live = true,
            // No ports: the target's libvirtd takes free ones from its migration range for memory and for the
            // NBD disk server, and releases them; fixed ports stay reserved in libvirt 9.0 after an incoming migration.
            MigrateUri = $"tcp://{target.Sandbox.Network.Ip}",
            ListenAddress = target.Sandbox.Network.Ip,
            StorageCopy = MigrationStorageCopy.Incremental,
            DisksToCopy = ["vda"],
            PersistOnDestination = true,
            UndefineSource = true,
        };
    }
}
