using VmAddon.Api;
using VmAddon.Core.Domain;

namespace VmAddon.Core.Tests.Domain;

public sealed class CpuConfiguratorTests
{
    [Theory]
    // sockets, cores, threads, model, software emulation -> mode, model, vcpus
    [InlineData(null, null, null, null, false, "host-model", null, 1)]
    [InlineData(null, null, null, null, true, null, null, 1)]
    [InlineData(2, 2, 2, null, false, "host-model", null, 8)]
    [InlineData(1, 4, 1, "host-passthrough", false, "host-passthrough", null, 4)]
    [InlineData(1, 2, 1, "host-model", true, "host-model", null, 2)]
    [InlineData(1, 1, 1, "Skylake-Client", false, "custom", "Skylake-Client", 1)]
    [InlineData(1, 1, 1, "qemu64", true, "custom", "qemu64", 1)]
    public void Configure_Maps_Topology_And_Model(
        int? sockets, int? cores, int? threads, string? model, bool softwareEmulation, string? expectedMode, string? expectedModel, int expectedVcpus)
    {
        var cpu = new Cpu { Sockets = sockets, Cores = cores, Threads = threads, Model = model };

        var result = CpuConfigurator.Configure(cpu, new DomainRenderOptions { SoftwareEmulation = softwareEmulation });

        result.Mode.Should().Be(expectedMode);
        result.Model.Should().Be(expectedModel);
        result.VcpuCount.Should().Be(expectedVcpus);
        result.Topology.Should().Be(new CpuTopology(sockets ?? 1, cores ?? 1, threads ?? 1));
    }

    [Fact]
    public void Configure_Uses_One_Vcpu_When_Cpu_Is_Missing() =>
        CpuConfigurator.Configure(null, new DomainRenderOptions()).VcpuCount.Should().Be(1);

    [Theory]
    [InlineData(0, 1, 1, "spec.domain.cpu.sockets")]
    [InlineData(1, -2, 1, "spec.domain.cpu.cores")]
    [InlineData(1, 1, 0, "spec.domain.cpu.threads")]
    public void Configure_Names_The_Field_When_A_Count_Is_Not_Positive(int sockets, int cores, int threads, string path)
    {
        var act = () => CpuConfigurator.Configure(new Cpu { Sockets = sockets, Cores = cores, Threads = threads }, new DomainRenderOptions());

        act.Should().Throw<ArgumentException>().WithMessage($"{path}: must be at least 1*");
    }
}
