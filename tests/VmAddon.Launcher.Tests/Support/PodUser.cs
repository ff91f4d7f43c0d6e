namespace VmAddon.Launcher.Tests.Support;

/// <summary>
/// The non-root user the launcher runs as in its pod (runAsUser 107). Tests running as root start the launcher as
/// this user through setpriv, creating the system user <c>vmaddon</c> when no account has uid 107.
/// </summary>
internal static class PodUser
{
    public const int Uid = 107;

    private static readonly SemaphoreSlim s_ensure = new(1, 1);

    public static bool TestsRunAsRoot => Environment.UserName == "root";

    /// <summary>The command prefix that drops to the pod user, or nothing when the tests already run unprivileged.</summary>
    public static async Task<string[]> PrefixAsync()
    {
        if (!TestsRunAsRoot)
        {
            return [];
        }

        await s_ensure.WaitAsync();
        try
        {
            var (exitCode, _, _) = await ToolRun.RunAsync("getent", "passwd", Uid.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (exitCode != 0)
            {
                await ToolRun.OutputOfAsync("useradd", "--system", "--uid", "107", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "vmaddon");
            }
        }
        finally
        {
            s_ensure.Release();
        }

        return ["setpriv", $"--reuid={Uid}", $"--regid={Uid}", "--clear-groups", "--"];
    }

    /// <summary>Hands a test's directory to the pod user, as fsGroup does for a pod's volumes.</summary>
    public static async Task GiveAsync(string path)
    {
        if (TestsRunAsRoot)
        {
            await ToolRun.OutputOfAsync("chown", "-R", $"{Uid}:{Uid}", path);
        }
    }
}
