namespace LibvirtSharp.Tests.Support;

/// <summary>Domain XML for libvirt's in-process test driver, with unique names because test:///default is shared process-wide.</summary>
public static class TestDriverDomains
{
    public const string Uri = "test:///default";

    public static string UniqueName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 60)];

    public static string Xml(string name) => $"""
        <domain type='test'>
          <name>{name}</name>
          <memory unit='KiB'>65536</memory>
          <currentMemory unit='KiB'>65536</currentMemory>
          <vcpu>2</vcpu>
          <os><type arch='x86_64'>hvm</type></os>
          <devices>
            <interface type='network'>
              <mac address='52:54:00:12:34:56'/>
              <source network='default'/>
            </interface>
          </devices>
        </domain>
        """;
}
