using System.Runtime.CompilerServices;

namespace VmAddon.TestHost;

/// <summary>Paths in this repository that hypervisor tests run: our built programs and the test guest.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>The launcher as `make build` leaves it.</summary>
    public static string Launcher => Require(Path.Combine(Root, "bin", "vmaddon-launcher"), "run `make build`");

    /// <summary>The test guest disk as `make guest-image` leaves it.</summary>
    public static string GuestImage => Require(Path.Combine(Root, "images", "guest", "out", "guest.qcow2"), "run `make guest-image`");

    private static string Require(string path, string remedy) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{path} is missing: {remedy} (make test does both)");

    private static string FindRoot([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no VmAddon.sln above {source}");
    }
}
