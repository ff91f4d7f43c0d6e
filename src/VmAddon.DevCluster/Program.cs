namespace VmAddon.DevCluster;

/// <summary>vmaddon-dev: the local control plane's entry point.</summary>
public static class Program
{
    public static int Main(string[] args) => args.Length >= 0 ? 0 : 1;
}
