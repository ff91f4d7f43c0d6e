namespace LibvirtSharp.Tests.Support;

/// <summary>
/// The smallest real guest: TCG, 64 MiB, no disk. SeaBIOS runs, prints to the serial port (useserial) and keeps
/// retrying the boot, so the guest stays alive and chatty without any image.
/// </summary>
public static class QemuDomains
{
    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    public static string Xml(string name) => $"""
        <domain type='qemu'>
          <name>{name}</name>
          <memory unit='MiB'>64</memory>
          <vcpu>1</vcpu>
          <os>
            <type arch='x86_64' machine='pc'>hvm</type>
            <bios useserial='yes' rebootTimeout='0'/>
          </os>
          <on_crash>destroy</on_crash>
          <devices>
            <emulator>{HypervisorRequirements.Qemu}</emulator>
            <serial type='pty'><target port='0'/></serial>
            <console type='pty'><target type='serial' port='0'/></console>
            <memballoon model='virtio'><stats period='1'/></memballoon>
          </devices>
        </domain>
        """;
}
