namespace LibvirtSharp;

/// <summary>libvirt's <c>virStreamEventType</c>.</summary>
[Flags]
internal enum StreamEvents
{
    None = 0,
    Readable = 1,
    Writable = 2,
    Error = 4,
    Hangup = 8,
}
