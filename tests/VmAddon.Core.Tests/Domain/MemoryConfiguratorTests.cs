using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class MemoryConfiguratorTests
{
    [Theory]
    [InlineData("128Mi", 131072)]
    [InlineData("1Gi", 1048576)]
    [InlineData("0.5Gi", 524288)]
    [InlineData("1024M", 1000000)]
    [InlineData("1025", 2)]
    public void ConfigureKiB_Converts_Guest_Memory_To_KiB(string guest, long expectedKiB) =>
        MemoryConfigurator.ConfigureKiB(new Memory { Guest = new ResourceQuantity(guest) }).Should().Be(expectedKiB);

    [Fact]
    public void ConfigureKiB_Names_Memory_Guest_When_It_Is_Missing()
    {
        var act = () => MemoryConfigurator.ConfigureKiB(new Memory());

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.memory.guest: guest memory is required*");
    }

    [Fact]
    public void ConfigureKiB_Rejects_Zero_Memory()
    {
        var act = () => MemoryConfigurator.ConfigureKiB(new Memory { Guest = new ResourceQuantity("0") });

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.memory.guest: must be positive*");
    }

    [Fact]
    public void Defaulted_Vmi_Takes_Memory_From_Resource_Requests_When_Guest_Is_Unset()
    {
        var vmi = TestVmis.WithSpec("""{ "domain": { "devices": {}, "resources": { "requests": { "memory": "64Mi" } } } }""");

        MemoryConfigurator.ConfigureKiB(vmi.Spec.Domain.Memory).Should().Be(65536);
    }
}
