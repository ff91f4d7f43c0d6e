using k8s.Models;
using VmAddon.Api;
using VmAddon.Core.Launcher;

namespace VmAddon.Core.Tests.Launcher;

public sealed class LauncherPodResourcesTests
{
    private static readonly LauncherPodOptions s_kvm = new();
    private static readonly LauncherPodOptions s_tcg = new() { SoftwareEmulation = true };

    private static V1ResourceRequirements Resources(VirtualMachineInstance vmi, LauncherPodOptions? options = null) =>
        LauncherPodRenderer.Render(vmi, options ?? s_tcg).Spec.Containers.Single(c => c.Name == LauncherLayout.ComputeContainerName).Resources;

    private static VirtualMachineInstance Guest(string memory, int cores = 1, int sockets = 1) =>
        TestVmis.Demo().WithDomain(d => d with { Memory = new Memory { Guest = new ResourceQuantity(memory) } }).WithTopology(cores, sockets);

    [Theory]
    // guest + 228Mi fixed + 8Mi per vCPU + guest/512 for page tables
    [InlineData("128Mi", 1, 1, "372992Ki")] // 128Mi + 228Mi + 8Mi + 256Ki
    [InlineData("1Gi", 2, 2, "1286Mi")]     // 1024Mi + 228Mi + 32Mi + 2Mi
    [InlineData("2Gi", 1, 1, "2288Mi")]     // 2048Mi + 228Mi + 8Mi + 4Mi
    public void Memory_Request_Is_Guest_Memory_Plus_Overhead(string guest, int cores, int sockets, string expected)
    {
        Resources(Guest(guest, cores, sockets)).Requests["memory"].ToString().Should().Be(expected);
    }

    [Fact]
    public void Memory_Request_Is_The_Guest_Memory_Alone_When_The_Overhead_Is_Overcommitted()
    {
        var vmi = Guest("128Mi").WithResources(new ResourceRequirements { OvercommitGuestOverhead = true });

        Resources(vmi).Requests["memory"].ToString().Should().Be("128Mi");
    }

    [Fact]
    public void Memory_Limit_Gets_The_Overhead_Even_When_The_Request_Does_Not()
    {
        var vmi = Guest("128Mi").WithResources(new ResourceRequirements
        {
            Limits = TestVmis.Quantities(("memory", "256Mi")),
            OvercommitGuestOverhead = true,
        });

        var resources = Resources(vmi);

        resources.Limits["memory"].ToString().Should().Be("504064Ki"); // 256Mi + 228Mi + 8Mi + 256Ki
        resources.Requests["memory"].ToString().Should().Be("256Mi");   // the limit stands in for the missing request
    }

    [Fact]
    public void Memory_Request_Given_By_The_User_Is_The_Base_Of_The_Request()
    {
        var vmi = Guest("1Gi").WithResources(new ResourceRequirements { Requests = TestVmis.Quantities(("memory", "512Mi")) });

        // 512Mi + 228Mi + 8Mi + 1Gi/512 (page tables follow the guest's RAM, not the request)
        Resources(vmi).Requests["memory"].ToString().Should().Be("750Mi");
    }

    [Theory]
    [InlineData(1, 1, "100m")]
    [InlineData(2, 2, "400m")]
    [InlineData(5, 2, "1")]
    [InlineData(4, 3, "1200m")]
    public void Cpu_Request_Is_100m_Per_Vcpu(int cores, int sockets, string expected)
    {
        Resources(Guest("128Mi", cores, sockets)).Requests["cpu"].ToString().Should().Be(expected);
    }

    [Fact]
    public void Cpu_Request_Follows_The_Allocation_Ratio_Option()
    {
        var resources = Resources(Guest("128Mi", 2, 2), s_tcg with { CpuAllocationRatio = 1 });

        resources.Requests["cpu"].ToString().Should().Be("4");
    }

    [Fact]
    public void Cpu_Request_Given_By_The_User_Is_Kept()
    {
        var vmi = Guest("128Mi", 2, 2).WithResources(new ResourceRequirements { Requests = TestVmis.Quantities(("cpu", "1500m")) });

        Resources(vmi).Requests["cpu"].ToString().Should().Be("1500m");
    }

    [Fact]
    public void Other_User_Resources_Are_Carried_Over()
    {
        var vmi = Guest("128Mi").WithResources(new ResourceRequirements
        {
            Requests = TestVmis.Quantities(("ephemeral-storage", "1Gi")),
            Limits = TestVmis.Quantities(("cpu", "2")),
        });

        var resources = Resources(vmi);

        resources.Requests["ephemeral-storage"].ToString().Should().Be("1Gi");
        resources.Limits["cpu"].ToString().Should().Be("2");
    }

    [Fact]
    public void Kvm_Device_Is_Requested_When_Kvm_Is_Used()
    {
        Resources(TestVmis.Demo(), s_kvm).Limits.Should().Contain(
            kv => kv.Key == "devices.kubevirt.io/kvm" && kv.Value.ToString() == "1");
    }

    [Fact]
    public void Kvm_Device_Is_Not_Requested_Under_Software_Emulation()
    {
        var resources = Resources(TestVmis.Demo(), s_tcg);

        (resources.Limits ?? new Dictionary<string, ResourceQuantity>()).Should().NotContainKey("devices.kubevirt.io/kvm");
        resources.Requests.Should().NotContainKey("devices.kubevirt.io/kvm");
    }

    [Fact]
    public void Render_Names_The_Field_When_The_Guest_Memory_Is_Missing()
    {
        var vmi = TestVmis.Demo().WithDomain(d => d with { Memory = null });

        var act = () => LauncherPodRenderer.Render(vmi, s_tcg);

        act.Should().Throw<ArgumentException>().WithMessage("spec.domain.memory.guest*");
    }

    [Fact]
    public void Overhead_Formula_Constants_Are_KubeVirts()
    {
        var formula = new LauncherPodOptions().MemoryOverhead;

        formula.OverheadBytes(guestBytes: 0, vcpus: 1).Should().Be(236L * 1024 * 1024);
        formula.OverheadBytes(guestBytes: 512L * 1024 * 1024, vcpus: 2).Should().Be((228L + 16 + 1) * 1024 * 1024);
    }
}
