using System.Globalization;
using LibvirtSharp;
using VmAddon.Core.Launcher;
using VmAddon.TestHost;

namespace VmAddon.Hypervisor.Tests.Guests;

/// <summary>The test guest, booted through the launcher and LibvirtSharp from a domain VmAddon.Core rendered.</summary>
[Trait("Category", "Hypervisor")]
public class GuestLifecycleTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_guest_boots_runs_its_cloud_init_script_and_serves_its_page()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp());
        var (domain, console) = await pod.BootAsync();
        await using (console)
        using (domain)
        {
            await console.WaitForAsync("USERDATA-RAN on legacy", s_deadline);
            (await HttpPageAsync(pod.Sandbox.Network.Ip)).Should().Contain("legacy");
        }

        // The launcher streams the guest console to its stdout, so kubectl logs shows it. Short markers only:
        // with a console client attached, QEMU's chardev log has been seen to repeat a byte ("onn").
        await pod.Sandbox.WaitForOutputAsync("USERDATA-RAN", s_deadline);
        await pod.Sandbox.WaitForOutputAsync("GUEST-READY", s_deadline);
    }

    [Fact]
    public async Task A_graceful_shutdown_powers_the_guest_off_and_the_stopped_event_arrives()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp());
        using var events = pod.Connection.SubscribeLifecycleEvents();
        var (domain, console) = await pod.BootAsync();
        await using (console)
        using (domain)
        {
            await domain.ShutdownAsync(DomainShutdownMethods.AcpiPowerButton);

            using var timeout = new CancellationTokenSource(s_deadline);
            var stopped = await events.WaitForAsync(e => e.Type == DomainEventType.Stopped, timeout.Token);
            stopped.DomainName.Should().Be(pod.DomainName);
            (await domain.GetStateAsync()).State.Should().Be(DomainState.Shutoff);
        }
    }

    [Fact]
    public async Task Killing_QEMU_yields_a_stopped_or_crashed_event_within_two_seconds()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp());
        using var events = pod.Connection.SubscribeLifecycleEvents();
        var domain = await pod.DefinePausedAsync();
        using (domain)
        {
            await domain.ResumeAsync();
            var qemu = (await pod.QemuPidsAsync()).Should().ContainSingle().Subject;

            await HostCommand.RunAsync("kill", "-9", qemu.ToString(CultureInfo.InvariantCulture));

            using var twoSeconds = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var act = () => events.WaitForAsync(e => e.Type is DomainEventType.Stopped or DomainEventType.Crashed, twoSeconds.Token);
            await act.Should().NotThrowAsync("the agent must learn of a dead guest at once");
        }
    }

    [Fact]
    public async Task The_console_can_be_attached_used_detached_and_attached_again()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp());
        using var domain = await pod.DefinePausedAsync();
        await domain.ResumeAsync();
        await pod.Sandbox.WaitForOutputAsync("VMADDON-GUEST-READY", s_deadline);
        var socket = pod.Sandbox.HostPath(LauncherLayout.SerialSocketPath);

        for (var attach = 1; attach <= 2; attach++)
        {
            await using var shell = GuestShell.Attach(socket);
            (await shell.RunAsync("expr 6 \\* 7", "ANSWER-", s_deadline)).Should().Be("42");
            (await shell.DetachAsync()).Should().Be(0, $"Ctrl+] detaches cleanly (attach {attach})");
        }
    }

    [Fact]
    public async Task On_SIGTERM_the_launcher_shuts_the_guest_down_and_no_QEMU_survives()
    {
        await using var pod = await LauncherPod.StartAsync(GuestManifests.LegacyApp());
        using var domain = await pod.DefinePausedAsync();
        await domain.ResumeAsync();
        await pod.Sandbox.WaitForOutputAsync("VMADDON-GUEST-READY", s_deadline);

        await pod.Sandbox.SignalAsync("TERM");

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(60 + 15));
        await pod.Sandbox.Process.WaitForExitAsync(grace.Token);
        pod.Sandbox.Process.ExitCode.Should().Be(0, pod.Sandbox.Output);
        pod.Sandbox.Output.Should().Contain("shut off").And.NotContain("destroy:", "the guest powered off within its grace period");
        (await pod.QemuPidsAsync()).Should().BeEmpty();
    }

    internal static async Task<string> HttpPageAsync(string ip)
    {
        var (exitCode, output) = await HostCommand.TryRunAsync("curl", "-sS", "--max-time", "10", "--retry", "5", "--retry-all-errors", "--retry-delay", "1", $"http://{ip}:80/");
        exitCode.Should().Be(0, output);
        return output;
    }
}
