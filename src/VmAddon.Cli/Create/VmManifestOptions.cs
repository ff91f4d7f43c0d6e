namespace VmAddon.Cli.Create;

/// <summary>What kubectl vm create vm was asked for.</summary>
internal sealed record VmManifestOptions(string Name, string Image, string Memory, int Cpu, string RunStrategy, string? CloudInitUserData);
