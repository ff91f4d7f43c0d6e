using System.Globalization;
using System.Text.Json;
using VmAddon.Launcher.Tests.Support;

namespace VmAddon.Launcher.Tests.Kvm;

/// <summary>
/// <c>vmaddon-launcher probe-kvm</c> as a process, with a stand-in QEMU that behaves as QEMU does in each case
/// (boots and prints the marker, hangs, fails): the process handling is real, the hypervisor is not.
/// </summary>
public sealed class ProbeKvmCommandTests : IDisposable
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    private readonly ScratchDir _dir = new();

    public ProbeKvmCommandTests()
    {
        File.WriteAllText(_dir.File("vmlinuz"), "kernel");
        File.WriteAllText(_dir.File("initrd.img"), "initrd");
    }

    private string Cache => _dir.File("cache/kvm-probe.json");

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_guest_that_prints_the_marker_under_KVM_means_kvm_and_the_hanging_QEMU_is_killed()
    {
        var qemu = FakeQemu("printf 'Linux version 6.1\\nVMADDON-PROBE-OK\\n'; exec sleep 600");

        var (exitCode, output, _) = await ProbeAsync(qemu);

        exitCode.Should().Be(0);
        output.Should().StartWith("kvm: ").And.Contain("VMADDON-PROBE-OK");
        Runs().Should().Be(1);
        QemuGone().Should().BeTrue("the probe kills its QEMU once it has the answer");
    }

    [Fact]
    public async Task A_guest_that_stays_silent_until_the_deadline_means_tcg_and_QEMU_is_killed()
    {
        var qemu = FakeQemu("printf 'early boot\\n'; exec sleep 600");

        var (exitCode, output, _) = await ProbeAsync(qemu, "--deadline", "1500ms");

        exitCode.Should().Be(0);
        output.Should().StartWith("tcg: ").And.Contain("within 1.5 s");
        QemuGone().Should().BeTrue("QEMU is killed at the deadline");
    }

    [Fact]
    public async Task QEMU_failing_to_use_KVM_means_tcg_with_its_error_as_the_reason()
    {
        var qemu = FakeQemu("echo 'Could not access KVM kernel module: Permission denied' >&2; echo 'qemu-system-x86_64: failed to initialize kvm: Permission denied' >&2; exit 1");

        var (exitCode, output, _) = await ProbeAsync(qemu);

        exitCode.Should().Be(0);
        output.Should().StartWith("tcg: ").And.Contain("exit code 1").And.Contain("failed to initialize kvm: Permission denied");
    }

    [Fact]
    public async Task The_second_call_answers_from_the_cache_without_booting_and_the_cache_holds_the_answer()
    {
        var qemu = FakeQemu("printf 'VMADDON-PROBE-OK\\n'; exit 0");

        await ProbeAsync(qemu);
        var (exitCode, output, _) = await ProbeAsync(qemu);

        exitCode.Should().Be(0);
        output.Should().StartWith("kvm: ").And.Contain("(cached ");
        Runs().Should().Be(1, "a cached answer needs no boot");
        using var cached = JsonDocument.Parse(await File.ReadAllTextAsync(Cache));
        cached.RootElement.GetProperty("verdict").GetString().Should().Be("kvm");
        cached.RootElement.GetProperty("qemuVersion").GetString().Should().Be("QEMU emulator version 99.0.0 (fake)");
        cached.RootElement.GetProperty("kernelRelease").GetString().Should().Be((await File.ReadAllTextAsync("/proc/sys/kernel/osrelease")).Trim());
        cached.RootElement.GetProperty("payloadSha256").GetString().Should().HaveLength(64);
        cached.RootElement.TryGetProperty("probedAt", out _).Should().BeTrue();
    }

    [Fact]
    public async Task A_changed_payload_is_probed_again()
    {
        var qemu = FakeQemu("printf 'VMADDON-PROBE-OK\\n'; exit 0");
        await ProbeAsync(qemu);

        await File.WriteAllTextAsync(_dir.File("initrd.img"), "a rebuilt initrd");
        var (_, output, _) = await ProbeAsync(qemu);

        output.Should().NotContain("(cached ");
        Runs().Should().Be(2);
    }

    [Fact]
    public async Task A_node_without_the_KVM_device_means_tcg_without_a_boot()
    {
        var qemu = FakeQemu("exit 1");

        var (exitCode, output, _) = await ProbeAsync(qemu, "--kvm-device", _dir.File("no-such-kvm"));

        exitCode.Should().Be(0);
        output.Should().StartWith("tcg: ").And.Contain("does not exist");
        Runs().Should().Be(0);
    }

    [Fact]
    public async Task A_missing_payload_is_an_error_that_says_how_to_build_it()
    {
        var qemu = FakeQemu("exit 1");
        File.Delete(_dir.File("vmlinuz"));

        var (exitCode, _, error) = await ProbeAsync(qemu);

        exitCode.Should().Be(1);
        error.Should().Contain("vmlinuz does not exist").And.Contain("make guest-image");
    }

    private async Task<(int ExitCode, string Output, string Error)> ProbeAsync(string qemu, params string[] extra)
    {
        List<string> arguments = ["probe-kvm", "--kernel", _dir.File("vmlinuz"), "--initrd", _dir.File("initrd.img"), "--cache", Cache, "--qemu", qemu];
        if (!extra.Contains("--kvm-device"))
        {
            // The stand-in needs no real device; any existing file tells the probe KVM is there to try.
            arguments.AddRange(["--kvm-device", qemu]);
        }

        await using var probe = LauncherProcess.Start([], [.. arguments, .. extra]);
        var exitCode = await probe.WaitForExitAsync(s_deadline);
        return (exitCode, probe.Output.Trim(), probe.Error);
    }

    /// <summary>A shell script standing in for qemu-system-x86_64; it records each boot and its pid.</summary>
    private string FakeQemu(string boot)
    {
        var path = _dir.File("qemu");
        File.WriteAllText(path, $$"""
            #!/bin/sh
            if [ "$1" = "--version" ]; then echo 'QEMU emulator version 99.0.0 (fake)'; echo 'Copyright'; exit 0; fi
            echo run >> '{{_dir.File("runs")}}'
            echo $$ > '{{_dir.File("qemu.pid")}}'
            {{boot}}
            """);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        return path;
    }

    private int Runs() => File.Exists(_dir.File("runs")) ? File.ReadAllLines(_dir.File("runs")).Length : 0;

    private bool QemuGone() =>
        !Directory.Exists($"/proc/{int.Parse(File.ReadAllText(_dir.File("qemu.pid")).Trim(), CultureInfo.InvariantCulture)}");
}
