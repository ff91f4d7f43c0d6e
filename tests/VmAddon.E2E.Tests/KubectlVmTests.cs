using k8s;
using VmAddon.Api;

namespace VmAddon.E2E.Tests;

/// <summary>
/// kubectl vm against the local cluster with real guests, as the README shows it: the plugin found by kubectl on the
/// PATH, the lifecycle commands moving printableStatus, the serial console in a real terminal, and expose.
/// </summary>
[Collection(SharedClusterCollection.Name)]
[Trait("Category", "E2E")]
public sealed class KubectlVmTests(SharedCluster shared) : IAsyncLifetime
{
    private readonly E2ECluster _e2e = shared.Cluster;

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _e2e.DeleteAllVmsAsync();

    [Fact]
    public async Task Stop_start_and_restart_move_printable_status()
    {
        await StartedVmAsync("cycle");

        await VmAsync("stop cycle");
        await _e2e.WaitForVmAsync("cycle", PrintableStatus.Stopped);
        (await _e2e.VmAsync("cycle"))!.Spec.RunStrategy.Should().Be(RunStrategy.Halted);

        await VmAsync("start cycle");
        (await VmAsync("wait cycle --for Running --timeout 3m")).Should().Be("VM cycle is Running\n");
        await _e2e.WaitForGuestBannerAsync("cycle");

        var before = (await _e2e.VmiAsync("cycle"))!.Metadata.Uid;
        (await VmAsync("restart cycle")).Should().Be("VM cycle was scheduled to restart\n");
        await _e2e.WaitUntilAsync(async () => (await _e2e.VmiAsync("cycle")) is { } vmi && vmi.Metadata.Uid != before && vmi.Status?.Phase == VirtualMachineInstancePhase.Running,
            "a new VMI to run after the restart", E2ECluster.BootGuard);
        await _e2e.WaitForVmAsync("cycle", PrintableStatus.Running);
        (await _e2e.VmAsync("cycle"))!.Status!.StateChangeRequests.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Pause_and_unpause_give_paused_and_then_running()
    {
        await StartedVmAsync("nap");

        (await VmAsync("pause vm nap")).Should().Be("VMI nap was scheduled to pause\n");
        await _e2e.WaitForVmAsync("nap", PrintableStatus.Paused, TimeSpan.FromMinutes(1));
        (await _e2e.VmiAsync("nap"))!.Status!.Conditions.Should().Contain(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Status == "True");

        (await VmAsync("unpause vm nap")).Should().Be("VMI nap was scheduled to unpause\n");
        await _e2e.WaitForVmAsync("nap", PrintableStatus.Running, TimeSpan.FromMinutes(1));
        (await _e2e.VmiAsync("nap"))!.Status!.Conditions.Should().NotContain(c => c.Type == VirtualMachineInstanceConditionType.Paused);
    }

    [Fact]
    public async Task Start_paused_boots_a_halted_vm_paused_and_unpause_runs_it()
    {
        await _e2e.ApplyAsync(GuestManifests.Vm("frozen", runStrategy: RunStrategy.Halted, graceSeconds: 20));
        await _e2e.WaitForVmAsync("frozen", PrintableStatus.Stopped);

        (await VmAsync("start frozen --paused")).Should().Be("VM frozen was scheduled to start\n");
        (await VmAsync("wait frozen --for Paused --timeout 3m")).Should().Be("VM frozen is Paused\n");
        var vmi = (await _e2e.VmiAsync("frozen"))!;
        vmi.Spec.StartStrategy.Should().Be(StartStrategy.Paused);
        vmi.Status!.Conditions.Should().Contain(c => c.Type == VirtualMachineInstanceConditionType.Paused && c.Reason == "PausedByUser");
        (await _e2e.VmAsync("frozen"))!.Spec.RunStrategy.Should().Be(RunStrategy.Always);
        var pod = (await _e2e.LauncherPodsAsync("frozen")).Single().Metadata.Name;
        (await _e2e.Kubectl.RunAsync($"logs {pod} -c guest-console-log")).Output.Should().NotContain(GuestManifests.GuestBanner, "its vCPUs have not run yet");

        await VmAsync("unpause vm frozen");
        await _e2e.WaitForVmAsync("frozen", PrintableStatus.Running, TimeSpan.FromMinutes(1));
        await _e2e.WaitForGuestBannerAsync("frozen"); // the guest boots only now
    }

    [Fact]
    public async Task Console_in_a_real_terminal_shows_the_prompt_runs_a_command_and_leaves_on_ctrl_close_bracket()
    {
        await StartedVmAsync("legacy-app");
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = _e2e.Kubeconfig, ["PATH"] = Kubectl.PluginPath, ["HOME"] = Path.GetDirectoryName(_e2e.Kubeconfig)! };
        await using var terminal = await TmuxTerminal.StartAsync("kubectl vm console legacy-app", environment);
        var guard = TimeSpan.FromSeconds(60);

        await terminal.WaitForAsync("Successfully connected to legacy-app console. The escape sequence is ^]", guard);
        await terminal.PressAsync("Enter");
        await terminal.WaitForAsync("legacy-app:/#", guard);
        await terminal.TypeAsync("echo hello-$((6*7))");
        await terminal.PressAsync("Enter");
        var screen = await terminal.WaitForAsync("\nhello-42", guard);
        await terminal.PressAsync("C-]");

        (await terminal.ExitCodeAsync(guard)).Should().Be(0, await terminal.ScreenAsync());
        screen.Should().NotContain("error");
    }

    [Fact]
    public async Task Expose_creates_a_service_whose_selector_matches_the_launcher_pod()
    {
        await StartedVmAsync("site");

        (await VmAsync("expose vm site --port 8080 --target-port 80 --name site-web")).Should().Be("Service site-web successfully exposed for vm site\n");

        var service = await _e2e.Client.CoreV1.ReadNamespacedServiceAsync("site-web", E2ECluster.Namespace);
        var selector = string.Join(',', service.Spec.Selector.Select(s => $"{s.Key}={s.Value}"));
        var selected = (await _e2e.Client.CoreV1.ListNamespacedPodAsync(E2ECluster.Namespace, labelSelector: selector)).Items;
        selected.Select(p => p.Metadata.Name).Should().Equal((await _e2e.LauncherPodsAsync("site")).Select(p => p.Metadata.Name));
        service.Spec.Ports.Single().TargetPort.Value.Should().Be("80");
        await _e2e.Client.CoreV1.DeleteNamespacedServiceAsync("site-web", E2ECluster.Namespace);
    }

    private async Task StartedVmAsync(string name)
    {
        await _e2e.ApplyAsync(GuestManifests.Vm(name, graceSeconds: 20));
        await _e2e.WaitForVmAsync(name, PrintableStatus.Running);
        await _e2e.WaitForGuestBannerAsync(name); // a guest still booting does not hear its power button, nor answer on its console
    }

    // `kubectl vm ARGS` through the real kubectl, which finds bin/kubectl-vm on the PATH; fails with its stderr unless it exits 0.
    private Task<string> VmAsync(string arguments) => _e2e.Kubectl.SucceedAsync($"vm {arguments}");
}
