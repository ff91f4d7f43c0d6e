using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Guests;

namespace VmAddon.Core.Tests.Guests;

public sealed class GuestPauseWishTests
{
    [Theory]
    [InlineData("true", null, true)]
    [InlineData("true", StartStrategy.Paused, true)]
    [InlineData("false", StartStrategy.Paused, false)]
    [InlineData("false", null, false)]
    [InlineData(null, StartStrategy.Paused, true)]
    [InlineData(null, null, false)]
    [InlineData("yes", StartStrategy.Paused, true)]
    [InlineData("yes", null, false)]
    public void The_annotation_decides_and_without_it_the_start_strategy_does(string? annotation, string? startStrategy, bool paused)
    {
        var vmi = new VirtualMachineInstance
        {
            Metadata = new V1ObjectMeta
            {
                Name = "vm1",
                Annotations = annotation is null ? null : new Dictionary<string, string> { [VmAddonMetadata.PauseRequestedAnnotation] = annotation },
            },
            Spec = new VirtualMachineInstanceSpec { StartStrategy = startStrategy },
        };

        GuestPauseWish.Wanted(vmi).Should().Be(paused);
    }
}
