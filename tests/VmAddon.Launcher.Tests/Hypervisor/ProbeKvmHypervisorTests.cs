using VmAddon.Launcher.Tests.Support;

namespace VmAddon.Launcher.Tests.Hypervisor;

/// <summary><c>probe-kvm</c> with the real QEMU and the real probe payload from images/guest.</summary>
[Trait("Category", "Hypervisor")]
public sealed class ProbeKvmHypervisorTests : IDisposable
{
    private readonly ScratchDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_probe_boots_the_guest_image_under_KVM_and_answers_kvm_or_tcg_leaving_no_QEMU()
    {
        RequiredTools.Require(("qemu-system-x86_64", "qemu-system-x86"));
        var kernel = Path.Combine(RepositoryRoot.Path, "images/guest/out/vmlinuz");
        var initrd = Path.Combine(RepositoryRoot.Path, "images/guest/out/initrd.img");
        File.Exists(kernel).Should().BeTrue($"the probe payload {kernel} is needed: run make guest-image");
        File.Exists(initrd).Should().BeTrue($"the probe payload {initrd} is needed: run make guest-image");

        await using var probe = LauncherProcess.Start([], ["probe-kvm", "--kernel", kernel, "--initrd", initrd, "--deadline", "15s", "--cache", _dir.File("kvm-probe.json")]);

        (await probe.WaitForExitAsync(TimeSpan.FromSeconds(90))).Should().Be(0, probe.Error);
        probe.Output.Should().MatchRegex("^(kvm|tcg): ");
        File.Exists(_dir.File("kvm-probe.json")).Should().BeTrue();
        var leftovers = Directory.GetDirectories("/proc")
            .Select(dir => Path.Combine(dir, "cmdline"))
            .Where(File.Exists)
            .Select(file =>
            {
                try
                {
                    return File.ReadAllText(file);
                }
                catch (IOException)
                {
                    return "";
                }
            })
            .Where(commandLine => commandLine.Contains("qemu-system", StringComparison.Ordinal) && commandLine.Contains(kernel, StringComparison.Ordinal));
        leftovers.Should().BeEmpty("the probe kills its QEMU");
    }
}
