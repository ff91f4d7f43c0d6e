namespace VmAddon.Launcher.Tests.Support;

/// <summary>The checkout the tests were built from: the directory above them that holds VmAddon.sln.</summary>
internal static class RepositoryRoot
{
    public static string Path
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(System.IO.Path.Combine(dir.FullName, "VmAddon.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"no VmAddon.sln above {AppContext.BaseDirectory}");
        }
    }
}
