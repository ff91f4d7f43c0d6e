using Microsoft.Extensions.Logging.Abstractions;
using VmAddon.Agent.Emulation;
using VmAddon.Agent.Hosting;
using VmAddon.Core.Guests;

namespace VmAddon.Agent.Tests;

/// <summary>--emulation auto asks the launcher's probe-kvm once; a probe that cannot answer means software emulation.</summary>
public sealed class KvmProbeRunnerTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("vmaddon-probe-");

    [Theory]
    [InlineData("echo '{\"verdict\": \"kvm\", \"reason\": \"a guest booted\"}'", false)]
    [InlineData("echo '{\"verdict\": \"tcg\", \"reason\": \"nested\"}'", true)]
    [InlineData("echo 'no json here'", true)]
    [InlineData("echo broken >&2; exit 3", true)]
    public async Task Auto_follows_the_probe_and_falls_back_to_software_emulation(string script, bool softwareEmulation)
    {
        var launcher = Path.Combine(_dir.FullName, "vmaddon-launcher");
        await File.WriteAllTextAsync(launcher, $"#!/bin/sh\n[ \"$1 $2\" = \"probe-kvm --json\" ] || exit 9\n{script}\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var answer = await KvmProbeRunner.SoftwareEmulationAsync(Options(EmulationMode.Auto, launcher), NullLogger.Instance, CancellationToken.None);

        answer.Should().Be(softwareEmulation);
    }

    [Fact]
    public async Task An_explicit_mode_needs_no_probe()
    {
        var kvm = await KvmProbeRunner.SoftwareEmulationAsync(Options(EmulationMode.Kvm, "/nonexistent/vmaddon-launcher"), NullLogger.Instance, CancellationToken.None);
        var tcg = await KvmProbeRunner.SoftwareEmulationAsync(Options(EmulationMode.Tcg, "/nonexistent/vmaddon-launcher"), NullLogger.Instance, CancellationToken.None);

        kvm.Should().BeFalse();
        tcg.Should().BeTrue();
    }

    [Fact]
    public async Task A_probe_that_hangs_is_stopped_and_means_software_emulation()
    {
        var launcher = Path.Combine(_dir.FullName, "vmaddon-launcher");
        await File.WriteAllTextAsync(launcher, "#!/bin/sh\nexec sleep 600\n");
        File.SetUnixFileMode(launcher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var answer = await KvmProbeRunner.SoftwareEmulationAsync(
            Options(EmulationMode.Auto, launcher) with { ProbeTimeout = TimeSpan.FromMilliseconds(200) }, NullLogger.Instance, CancellationToken.None);

        answer.Should().BeTrue();
    }

    [Fact]
    public async Task A_missing_launcher_means_software_emulation()
    {
        var answer = await KvmProbeRunner.SoftwareEmulationAsync(Options(EmulationMode.Auto, "/nonexistent/vmaddon-launcher"), NullLogger.Instance, CancellationToken.None);

        answer.Should().BeTrue();
    }

    public void Dispose() => _dir.Delete(recursive: true);

    private static AgentOptions Options(EmulationMode mode, string launcher) =>
        new() { Node = "n", Hypervisor = GuestHypervisor.Qemu, Emulation = mode, Launcher = launcher };
}
