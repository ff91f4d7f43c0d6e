namespace LibvirtSharp;

/// <summary>The part of libvirt an error came from (<c>virErrorDomain</c>); values not named here still arrive as their number.</summary>
public enum LibvirtErrorDomain
{
    None = 0,
    Xml = 5,
    Dom = 6,
    Rpc = 7,
    Conf = 9,
    Qemu = 10,
    Test = 12,
    Remote = 13,
    Storage = 18,
    Network = 19,
    Domain = 20,
    Security = 24,
    Streams = 38,
    Event = 40,
    Auth = 46,
    Device = 49,
    Cgroup = 54,
    Access = 55,
    Systemd = 56,
    Firewall = 59,
    Polkit = 60,
    Thread = 61,
}
