using VmAddon.Api.Schema;

// Writes one CRD per kind into crds/ (or the folder given as the only argument) and removes
// CRD files of kinds that no longer exist, so crds/ always mirrors CrdCatalog.
var output = args.Length > 0 ? args[0] : Path.Combine(RepositoryRoot(), "crds");
Directory.CreateDirectory(output);

var written = new HashSet<string>(StringComparer.Ordinal);
foreach (var resource in CrdCatalog.All)
{
    var path = Path.Combine(output, resource.FileName);
    File.WriteAllText(path, resource.RenderYaml());
    written.Add(resource.FileName);
    Console.WriteLine($"wrote {path}");
}

foreach (var stale in Directory.GetFiles(output, "*.vmaddon.io.yaml").Where(f => !written.Contains(Path.GetFileName(f))))
{
    File.Delete(stale);
    Console.WriteLine($"removed {stale}");
}

static string RepositoryRoot()
{
    for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
    {
        if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
        {
            return directory.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository (no VmAddon.sln above the current directory), or pass the output folder.");
}
