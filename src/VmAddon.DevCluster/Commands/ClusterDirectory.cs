namespace VmAddon.DevCluster.Commands;

/// <summary>The --dir option the cluster commands share, and the repository the build lives in.</summary>
internal static class ClusterDirectory
{
    public static System.CommandLine.Option<string> Option() =>
        new System.CommandLine.Option<string>("--dir") { Description = "The cluster's directory: kubeconfig, state, node files and logs.", DefaultValueFactory = _ => "out/dev-cluster" };

    // The repository the build lives in (for the default image map), else the current directory.
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
            {
                return directory.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
