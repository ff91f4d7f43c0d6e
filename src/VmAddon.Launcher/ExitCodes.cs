namespace VmAddon.Launcher;

/// <summary>vmaddon-launcher's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something the launcher needs failed (a disk, libvirtd, the console socket); the log says what.</summary>
    public const int Failure = 1;

    /// <summary>The arguments are wrong; the message says which.</summary>
    public const int Usage = 2;
}
