namespace VmAddon.Launcher.CloudInit;

/// <summary>The files of a cloud-init source directory that go into the seed, by their names in that directory.</summary>
internal sealed record SeedFiles(string MetaData, string? UserData, string? NetworkConfig);
