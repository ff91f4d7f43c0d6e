using System.ComponentModel;
using System.Diagnostics;

namespace VmAddon.DevCluster.Streaming;

/// <summary>Ends an exec'd process that is still running when its session is disposed.</summary>
internal static class ProcessEnd
{
    public static async Task KillAsync(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It was never started or is already reaped.
        }
    }
}
