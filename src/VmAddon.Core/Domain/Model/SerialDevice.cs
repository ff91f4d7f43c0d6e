namespace VmAddon.Core.Domain;

/// <summary>The guest's first serial port on a unix socket that libvirt listens on, with everything it prints kept in a log file.</summary>
public sealed record SerialDevice(string SocketPath, string LogPath);
