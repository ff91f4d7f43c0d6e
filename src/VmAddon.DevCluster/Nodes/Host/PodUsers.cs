using System.Globalization;

namespace VmAddon.DevCluster.Nodes.Host;

/// <summary>Creates a pod's user on the host when it is missing, as libvirtd and file ownership need a real account.</summary>
public static class PodUsers
{
    private static readonly SemaphoreSlim Lock = new(1, 1);

    public static async Task EnsureAsync(long uid, long gid)
    {
        if (uid == 0)
        {
            return;
        }

        var id = uid.ToString(CultureInfo.InvariantCulture);
        await Lock.WaitAsync().ConfigureAwait(false);
        try
        {
            if ((await HostProcess.TryRunAsync("getent", "passwd", id).ConfigureAwait(false)).ExitCode == 0)
            {
                return;
            }

            var group = gid.ToString(CultureInfo.InvariantCulture);
            if ((await HostProcess.TryRunAsync("getent", "group", group).ConfigureAwait(false)).ExitCode != 0)
            {
                await HostProcess.RunAsync("groupadd", "--system", "--gid", group, $"vmaddon-{group}").ConfigureAwait(false);
            }

            await HostProcess.RunAsync("useradd", "--system", "--uid", id, "--gid", group, "--no-create-home", "--shell", "/usr/sbin/nologin", $"vmaddon-{id}")
                .ConfigureAwait(false);
        }
        finally
        {
            Lock.Release();
        }
    }
}
