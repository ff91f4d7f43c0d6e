using VmAddon.Core.Launcher.Plan;

namespace VmAddon.Core.Tests.Launcher;

public sealed class LauncherPlanTests
{
    [Fact]
    public void Parse_Reads_Back_What_ToArguments_Wrote()
    {
        var plan = new LauncherPlan("default", "demo", "uid-1", 30)
        {
            ContainerDisks = [new ContainerDiskOverlay("/o/a.qcow2", "/m/a/disk"), new ContainerDiskOverlay("/o/b.qcow2", "/m/b/x=y.img")],
            EmptyDisks = [new EmptyDiskImage("/o/e.qcow2", 1073741824)],
            CloudInitSeeds = [new CloudInitSeedImage("/s/seed", "/p/seed.iso")],
        };

        LauncherPlan.Parse(plan.ToArguments()).Should().BeEquivalentTo(plan);
    }

    [Fact]
    public void Density_mode_is_written_and_read_back_and_qemu_the_default_is_not_written()
    {
        var density = new LauncherPlan("default", "demo", "uid-1", 30) { Hypervisor = LauncherPlan.TestHypervisor };

        density.ToArguments().Should().ContainInConsecutiveOrder("--hypervisor", "test");
        LauncherPlan.Parse(density.ToArguments()).Hypervisor.Should().Be("test");
        new LauncherPlan("default", "demo", "uid-1", 30).ToArguments().Should().NotContain("--hypervisor");
    }

    [Theory]
    [InlineData("--namespace", "default", "--name", "demo", "--uid", "u", "--grace-period-seconds", "30", "--hypervisor", "xen")]
    [InlineData("--name", "demo", "--uid", "u", "--grace-period-seconds", "30")]
    [InlineData("--namespace", "default", "--name", "demo", "--uid", "u", "--grace-period-seconds", "soon")]
    [InlineData("--namespace", "default", "--name", "demo", "--uid", "u", "--grace-period-seconds", "30", "--empty-disk", "/e.qcow2")]
    [InlineData("--namespace", "default", "--name", "demo", "--uid", "u", "--grace-period-seconds", "30", "--socket")]
    [InlineData("--namespace", "default", "--name", "demo", "--uid", "u", "--grace-period-seconds", "30", "--colour", "red")]
    public void Parse_Rejects_Incomplete_Or_Malformed_Arguments(params string[] args)
    {
        var act = () => LauncherPlan.Parse(args);

        act.Should().Throw<FormatException>();
    }
}
