namespace VmAddon.Launcher.Tools;

/// <summary>A program the launcher needs is not installed; the message names its Debian package.</summary>
internal sealed class ToolMissingException(ExternalTool tool, Exception inner)
    : LauncherException($"{tool.Command} is not installed or not on PATH: install the Debian package {tool.DebianPackage} ({inner.Message}).", inner);
