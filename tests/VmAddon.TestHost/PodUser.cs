using System.Globalization;

namespace VmAddon.TestHost;

/// <summary>Creates the Pod's user on the host when it is missing, as issue 5's node runner will: libvirtd looks its uid up.</summary>
public static class PodUser
{
    private static readonly SemaphoreSlim s_lock = new(1, 1);

    public static async Task EnsureAsync(long uid)
    {
        var id = uid.ToString(CultureInfo.InvariantCulture);
        await s_lock.WaitAsync();
        try
        {
            if ((await HostCommand.TryRunAsync("getent", "passwd", id)).ExitCode != 0)
            {
                await HostCommand.RunAsync("useradd", "--system", "--uid", id, "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", $"vmaddon-{id}");
            }
        }
        finally
        {
            s_lock.Release();
        }
    }
}
