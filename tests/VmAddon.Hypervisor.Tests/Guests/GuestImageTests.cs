using VmAddon.TestHost;

namespace VmAddon.Hypervisor.Tests.Guests;

/// <summary>The test guest stands on its own: plain QEMU boots it, with no libvirt and no launcher.</summary>
[Trait("Category", "Hypervisor")]
public class GuestImageTests
{
    [Fact]
    public async Task Plain_QEMU_under_TCG_boots_the_guest_image_and_its_probe_payload()
    {
        Prerequisites.Require();
        _ = Repository.GuestImage;

        var (exitCode, output) = await HostCommand.TryRunAsync(Path.Combine(Repository.Root, "images", "guest", "check.sh"));

        exitCode.Should().Be(0, output);
        output.Should().Contain("PASS: guest READY");
    }
}
