using System.Text;
using VmAddon.Launcher.Kvm;

namespace VmAddon.Launcher.Tests.Kvm;

public sealed class MarkerScannerTests
{
    [Fact]
    public void The_marker_is_found_inside_one_chunk() =>
        new MarkerScanner("VMADDON-PROBE-OK").Feed("init\r\nVMADDON-PROBE-OK\r\n"u8).Should().BeTrue();

    [Fact]
    public void The_marker_is_found_when_split_across_many_chunks()
    {
        var scanner = new MarkerScanner("VMADDON-PROBE-OK");
        var found = "[ 1.0] boot\nVMADDON-PROBE-OK\n".Select(c => scanner.Feed(Encoding.ASCII.GetBytes([c]))).ToList();

        found.Should().Contain(true);
        scanner.Found.Should().BeTrue();
    }

    [Fact]
    public void Output_without_the_marker_finds_nothing()
    {
        var scanner = new MarkerScanner("VMADDON-PROBE-OK");

        scanner.Feed("VMADDON-PROBE-"u8).Should().BeFalse();
        scanner.Feed("FAIL\nVMADDON-PROBE-O"u8).Should().BeFalse();
        scanner.Found.Should().BeFalse();
    }
}
