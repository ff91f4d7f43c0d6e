namespace VmAddon.Terminal;

/// <summary>A terminal window's size in character cells.</summary>
/// <param name="Columns">Characters per line (termios ws_col, Kubernetes' Width).</param>
/// <param name="Rows">Lines (termios ws_row, Kubernetes' Height).</param>
public readonly record struct TerminalSize(ushort Columns, ushort Rows);
