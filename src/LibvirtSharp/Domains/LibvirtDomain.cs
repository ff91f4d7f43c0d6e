using System.Net;
using System.Runtime.InteropServices;
using LibvirtSharp.Interop;

namespace LibvirtSharp;

/// <summary>A libvirt domain (a VM, defined or running). Every operation that talks to the daemon is async; dispose to free the handle.</summary>
public sealed class LibvirtDomain : IDisposable
{
    private const int MemoryStatCount = 13;
    private const uint ConsoleForce = 1;
    private const uint ConsoleSafe = 2;
    private const uint JobStatsCompleted = 1;

    internal LibvirtDomain(LibvirtConnection connection, DomainHandle handle)
    {
        Connection = connection;
        Handle = handle;
        Name = DomainIdentity.ReadName(handle.DangerousGetHandle());
        Uuid = DomainIdentity.ReadUuid(handle.DangerousGetHandle());
    }

    /// <summary>The connection this domain was found or defined through.</summary>
    public LibvirtConnection Connection { get; }

    public string Name { get; }

    public Guid Uuid { get; }

    internal DomainHandle Handle { get; }

    /// <summary>Starts a defined domain (<c>virDomainCreateWithFlags</c>), paused if asked.</summary>
    public Task StartAsync(DomainStartOptions options = DomainStartOptions.None, CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainCreateWithFlags(Handle, (uint)options), "virDomainCreateWithFlags", cancellationToken);

    /// <summary>Asks the guest to shut down (by default with the ACPI power button) and returns without waiting for it.</summary>
    public Task ShutdownAsync(DomainShutdownMethods methods = DomainShutdownMethods.AcpiPowerButton, CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainShutdownFlags(Handle, (uint)methods), "virDomainShutdownFlags", cancellationToken);

    /// <summary>Asks the guest to reboot, like <see cref="ShutdownAsync"/>.</summary>
    public Task RebootAsync(DomainShutdownMethods methods = DomainShutdownMethods.AcpiPowerButton, CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainReboot(Handle, (uint)methods), "virDomainReboot", cancellationToken);

    /// <summary>Resets the virtual machine at once, like pressing its reset button.</summary>
    public Task ResetAsync(CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainReset(Handle, 0), "virDomainReset", cancellationToken);

    /// <summary>Stops the domain at once (pulls the plug); <paramref name="graceful"/> sends SIGTERM only, never SIGKILL.</summary>
    public Task DestroyAsync(bool graceful = false, CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainDestroyFlags(Handle, graceful ? 1u : 0u), "virDomainDestroyFlags", cancellationToken);

    /// <summary>Pauses the domain's vCPUs.</summary>
    public Task SuspendAsync(CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainSuspend(Handle), "virDomainSuspend", cancellationToken);

    /// <summary>Resumes a paused domain.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainResume(Handle), "virDomainResume", cancellationToken);

    /// <summary>Removes the domain's persistent definition; a running domain keeps running as a transient one.</summary>
    public Task UndefineAsync(DomainUndefineOptions options = DomainUndefineOptions.None, CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainUndefineFlags(Handle, (uint)options), "virDomainUndefineFlags", cancellationToken);

    public Task<DomainStateInfo> GetStateAsync(CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                LibvirtCall.Check(DomainNative.virDomainGetState(Handle, out var state, out var reason, 0), "virDomainGetState");
                return new DomainStateInfo((DomainState)state, reason);
            },
            cancellationToken);

    public Task<DomainInfo> GetInfoAsync(CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                LibvirtCall.Check(DomainNative.virDomainGetInfo(Handle, out var info), "virDomainGetInfo");
                return new DomainInfo(
                    (DomainState)info.State,
                    info.MaxMemKiB.Value,
                    info.MemoryKiB.Value,
                    info.VirtualCpuCount,
                    TimeSpan.FromTicks((long)(info.CpuTimeNs / 100)));
            },
            cancellationToken);

    /// <summary>The domain's XML: live if running, else persistent; <paramref name="inactive"/> asks for the persistent one.</summary>
    public Task<string> GetXmlAsync(bool inactive = false, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                // VIR_DOMAIN_XML_INACTIVE = 2.
                var xml = DomainNative.virDomainGetXMLDesc(Handle, inactive ? 2u : 0u);
                return NativeString.TakeOwned(xml) ?? throw LibvirtException.FromLastError("virDomainGetXMLDesc");
            },
            cancellationToken);

    /// <summary>The guest's interfaces and addresses, learned from DHCP leases, the guest agent or the host's ARP table.</summary>
    public unsafe Task<IReadOnlyList<DomainInterface>> GetInterfaceAddressesAsync(InterfaceAddressSource source = InterfaceAddressSource.Lease, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync<IReadOnlyList<DomainInterface>>(
            () =>
            {
                var count = LibvirtCall.Check(DomainNative.virDomainInterfaceAddresses(Handle, out var array, (uint)source, 0), "virDomainInterfaceAddresses");
                var interfaces = new List<DomainInterface>(count);
                try
                {
                    for (var i = 0; i < count; i++)
                    {
                        interfaces.Add(ReadInterface(Marshal.ReadIntPtr(array, i * IntPtr.Size)));
                    }
                }
                finally
                {
                    for (var i = 0; i < count; i++)
                    {
                        DomainNative.virDomainInterfaceFree(Marshal.ReadIntPtr(array, i * IntPtr.Size));
                    }

                    NativeMemory.Free((void*)array);
                }

                return interfaces;
            },
            cancellationToken);

    /// <summary>Memory statistics; most need a balloon device in the domain.</summary>
    public unsafe Task<DomainMemoryStats> GetMemoryStatsAsync(CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                var stats = stackalloc NativeMemoryStat[MemoryStatCount];
                var count = LibvirtCall.Check(DomainNative.virDomainMemoryStats(Handle, stats, MemoryStatCount, 0), "virDomainMemoryStats");
                var values = new Dictionary<int, ulong>(count);
                for (var i = 0; i < count; i++)
                {
                    values[stats[i].Tag] = stats[i].Value;
                }

                ulong? Get(int tag) => values.TryGetValue(tag, out var value) ? value : null;
                return new DomainMemoryStats
                {
                    SwapInKiB = Get(0),
                    SwapOutKiB = Get(1),
                    MajorFaults = Get(2),
                    MinorFaults = Get(3),
                    UnusedKiB = Get(4),
                    AvailableKiB = Get(5),
                    ActualBalloonKiB = Get(6),
                    RssKiB = Get(7),
                    UsableKiB = Get(8),
                    LastUpdate = Get(9) is { } seconds ? DateTimeOffset.FromUnixTimeSeconds((long)seconds) : null,
                    DiskCachesKiB = Get(10),
                };
            },
            cancellationToken);

    /// <summary>The running job's statistics (a migration, usually), or with <paramref name="completed"/> those of the last finished job.</summary>
    public Task<DomainJobStats> GetJobStatsAsync(bool completed = false, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                LibvirtCall.Check(
                    DomainNative.virDomainGetJobStats(Handle, out var type, out var parameters, out var count, completed ? JobStatsCompleted : 0),
                    "virDomainGetJobStats");
                try
                {
                    return new DomainJobStats((DomainJobType)type, TypedParameterReader.Read(parameters, count));
                }
                finally
                {
                    TypedParamsNative.virTypedParamsFree(parameters, count);
                }
            },
            cancellationToken);

    /// <summary>Aborts the running job, e.g. a migration, which then fails with <see cref="LibvirtErrorCode.OperationAborted"/>.</summary>
    public Task AbortJobAsync(CancellationToken cancellationToken = default) =>
        Run(() => DomainNative.virDomainAbortJob(Handle), "virDomainAbortJob", cancellationToken);

    /// <summary>
    /// Live-migrates the domain to the daemon behind <paramref name="destination"/>, with this process driving both
    /// sides (<c>virDomainMigrate3</c>), and returns the domain on the destination. Cancelling aborts the migration.
    /// </summary>
    public async Task<LibvirtDomain> MigrateAsync(LibvirtConnection destination, MigrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(options);
        using var abortOnCancel = RegisterAbort(cancellationToken);
        var migrated = await Task.Run(
            () =>
            {
                using var parameters = TypedParameterList.ForMigration(options, out var flags);
                return LibvirtCall.Check(
                    DomainNative.virDomainMigrate3(Handle, destination.Handle, parameters.Pointer, parameters.Count, (uint)flags),
                    "virDomainMigrate3");
            },
            CancellationToken.None).ConfigureAwait(false);
        return new LibvirtDomain(destination, migrated);
    }

    /// <summary>
    /// Live-migrates peer to peer (<c>virDomainMigrateToURI3</c>): the source daemon connects to
    /// <paramref name="destinationUri"/> itself, so that URI must work from the source daemon. Cancelling aborts the migration.
    /// </summary>
    public async Task MigrateToUriAsync(string destinationUri, MigrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(destinationUri);
        ArgumentNullException.ThrowIfNull(options);
        using var abortOnCancel = RegisterAbort(cancellationToken);
        await Task.Run(
            () =>
            {
                using var parameters = TypedParameterList.ForMigration(options, out var flags);
                LibvirtCall.Check(
                    DomainNative.virDomainMigrateToURI3(Handle, destinationUri, parameters.Pointer, parameters.Count, (uint)(flags | MigrationFlags.PeerToPeer)),
                    "virDomainMigrateToURI3");
            },
            CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Opens the guest's serial console (or the named character device) as a non-blocking stream.
    /// <paramref name="force"/> takes the console from another client that holds it.
    /// </summary>
    public Task<ConsoleStream> OpenConsoleAsync(string? deviceName = null, bool force = false, CancellationToken cancellationToken = default) =>
        LibvirtCall.RunAsync(
            () =>
            {
                // Take our own reference on the domain's connection so the console works even if the caller
                // has disposed the LibvirtConnection it found this domain through.
                using var connection = ConnectionHandle.AddReference(DomainNative.virDomainGetConnect(Handle));
                var stream = LibvirtCall.Check(StreamNative.virStreamNew(connection, StreamNative.NonBlocking), "virStreamNew");
                try
                {
                    LibvirtCall.Check(
                        DomainNative.virDomainOpenConsole(Handle, deviceName, stream, ConsoleSafe | (force ? ConsoleForce : 0)),
                        "virDomainOpenConsole");
                    var pump = new ConsoleStreamPump(stream);
                    pump.Start();
                    return new ConsoleStream(pump);
                }
                catch
                {
                    _ = StreamNative.virStreamAbort(stream);
                    stream.Dispose();
                    throw;
                }
            },
            cancellationToken);

    public void Dispose() => Handle.Dispose();

    public override string ToString() => $"{Name} ({Uuid})";

    private Task Run(Func<int> call, string operation, CancellationToken cancellationToken) =>
        LibvirtCall.RunAsync(() => LibvirtCall.Check(call(), operation), cancellationToken);

    private CancellationTokenRegistration RegisterAbort(CancellationToken cancellationToken) =>
        cancellationToken.Register(() => _ = DomainNative.virDomainAbortJob(Handle));

    private static DomainInterface ReadInterface(IntPtr pointer)
    {
        var native = Marshal.PtrToStructure<NativeDomainInterface>(pointer);
        var addresses = new List<DomainIpAddress>((int)native.AddressCount);
        var size = Marshal.SizeOf<NativeIpAddress>();
        for (var i = 0; i < native.AddressCount; i++)
        {
            var address = Marshal.PtrToStructure<NativeIpAddress>(native.Addresses + (i * size));
            if (IPAddress.TryParse(NativeString.Borrow(address.Address), out var ip))
            {
                addresses.Add(new DomainIpAddress(ip, (int)address.Prefix));
            }
        }

        return new DomainInterface(NativeString.Borrow(native.Name) ?? string.Empty, NativeString.Borrow(native.HardwareAddress), addresses);
    }
}
