using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>
/// A typed parameter list built by libvirt's own virTypedParamsAdd* functions, so libvirt allocates every name and
/// string, and freed once with virTypedParamsFree.
/// </summary>
internal sealed class TypedParameterList : IDisposable
{
    private IntPtr _parameters;
    private int _count;
    private int _capacity;

    internal IntPtr Pointer => _parameters;

    internal uint Count => (uint)_count;

    internal void Add(string name, string value) =>
        LibvirtCall.Check(TypedParamsNative.virTypedParamsAddString(ref _parameters, ref _count, ref _capacity, name, value), "virTypedParamsAddString");

    internal void Add(string name, ulong value) =>
        LibvirtCall.Check(TypedParamsNative.virTypedParamsAddULLong(ref _parameters, ref _count, ref _capacity, name, value), "virTypedParamsAddULLong");

    internal void Add(string name, int value) =>
        LibvirtCall.Check(TypedParamsNative.virTypedParamsAddInt(ref _parameters, ref _count, ref _capacity, name, value), "virTypedParamsAddInt");

    public void Dispose()
    {
        if (_parameters != IntPtr.Zero)
        {
            TypedParamsNative.virTypedParamsFree(_parameters, _count);
            _parameters = IntPtr.Zero;
            _count = 0;
            _capacity = 0;
        }
    }

    /// <summary>Builds the parameters and flags of a migration.</summary>
    internal static TypedParameterList ForMigration(MigrationOptions options, out MigrationFlags flags)
    {
        flags = MigrationFlags.None;
        if (options.Live)
        {
            flags |= MigrationFlags.Live;
        }

        if (options.PersistOnDestination)
        {
            flags |= MigrationFlags.PersistDestination;
        }

        if (options.UndefineSource)
        {
            flags |= MigrationFlags.UndefineSource;
        }

        if (options.AutoConverge)
        {
            flags |= MigrationFlags.AutoConverge;
        }

        if (options.AbortOnError)
        {
            flags |= MigrationFlags.AbortOnError;
        }

        flags |= options.StorageCopy switch
        {
            MigrationStorageCopy.Incremental => MigrationFlags.NonSharedIncremental,
            MigrationStorageCopy.Full => MigrationFlags.NonSharedDisk,
            _ => MigrationFlags.None,
        };

        var list = new TypedParameterList();
        try
        {
            if (options.MigrateUri is { } uri)
            {
                list.Add("migrate_uri", uri);
            }

            if (options.DestinationXml is { } xml)
            {
                list.Add("destination_xml", xml);
            }

            if (options.BandwidthMiBPerSecond is { } bandwidth)
            {
                list.Add("bandwidth", bandwidth);
            }

            // migrate_disks may repeat: one entry per target device whose contents are copied.
            foreach (var disk in options.DisksToCopy ?? [])
            {
                list.Add("migrate_disks", disk);
            }

            if (options.DisksPort is { } port)
            {
                list.Add("disks_port", port);
            }

            if (options.ListenAddress is { } address)
            {
                list.Add("listen_address", address);
            }

            return list;
        }
        catch
        {
            list.Dispose();
            throw;
        }
    }
}
