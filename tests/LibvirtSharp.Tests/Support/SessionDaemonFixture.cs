namespace LibvirtSharp.Tests.Support;

/// <summary>One session daemon and a connection to it, shared by the tests of the Hypervisor collection.</summary>
public sealed class SessionDaemonFixture : IAsyncLifetime
{
    public SessionDaemon Daemon { get; private set; } = null!;

    public LibvirtConnection Connection { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Daemon = await SessionDaemon.StartAsync(Deadline.Seconds(60));
        Connection = await LibvirtConnection.OpenAsync(Daemon.Uri, Deadline.Seconds(60));
    }

    public async Task DisposeAsync()
    {
        Connection?.Dispose();
        if (Daemon is not null)
        {
            await Daemon.DisposeAsync();
        }
    }
}
