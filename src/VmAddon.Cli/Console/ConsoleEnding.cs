namespace VmAddon.Cli.Console;

/// <summary>Why a console session ended.</summary>
internal enum ConsoleEnding
{
    /// <summary>The user pressed Ctrl+], or their input ended.</summary>
    Detached,

    /// <summary>The remote command ended by itself and the API server reported its exit status.</summary>
    RemoteExited,

    /// <summary>The connection ended without an exit status: closed, reset, or the API server went away.</summary>
    Dropped,
}
