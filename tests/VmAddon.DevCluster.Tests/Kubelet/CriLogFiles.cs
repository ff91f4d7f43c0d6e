using System.Text;
using VmAddon.DevCluster.Kubelet;

namespace VmAddon.DevCluster.Tests.Kubelet;

/// <summary>A scratch directory for CRI log files, and a reader that returns what a request would print.</summary>
public sealed class CriLogFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("vmaddon-cri-").FullName;

    public string NewPath() => Path.Combine(_directory, Guid.NewGuid().ToString("N")[..8], "0.log");

    public static async Task<string> ReadAsync(string path, CriLogOptions options, Func<bool>? isCurrent = null)
    {
        using var output = new MemoryStream();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await CriLogReader.ReadAsync(path, options, output, isCurrent, guard.Token);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    public static CriTimestamp At(int second, int nanos = 0) => new(DateTimeOffset.Parse("2026-11-24T21:00:00Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds() + second, nanos);

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
