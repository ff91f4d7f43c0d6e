using k8s;
using VmAddon.Api;

namespace VmAddon.Cli.Tests.Online;

/// <summary>start, stop, restart, pause and unpause ask the API what KubeVirt's virtctl asks, or refuse as it does.</summary>
public sealed class LifecycleCommandTests(ApiCluster cluster) : IClassFixture<ApiCluster>
{
    [Fact]
    public async Task Start_of_a_halted_vm_sets_run_strategy_always()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        var run = await cluster.VmAsync("start", "web", "-n", ns);

        run.ExitCode.Should().Be(0, run.Error);
        run.Output.Should().Be("VM web was scheduled to start\n");
        (await cluster.VmAsync(ns, "web")).Spec.RunStrategy.Should().Be(RunStrategy.Always);
    }

    [Fact]
    public async Task Start_paused_of_a_halted_vm_queues_a_paused_start_request()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        (await cluster.VmAsync("start", "web", "--paused", "-n", ns)).ExitCode.Should().Be(0);

        var request = (await cluster.VmAsync(ns, "web")).Status!.StateChangeRequests!.Single();
        request.Action.Should().Be(StateChangeAction.Start);
        request.Data.Should().Contain(StartRequestData.PausedKey, StartRequestData.PausedTrue);
    }

    [Fact]
    public async Task Start_of_a_running_vm_is_refused_with_kubevirts_answer_and_a_next_step()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Running);
        await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running);

        var run = await cluster.VmAsync("start", "web", "-n", ns);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("error: cannot start virtualmachine \"web\": VM is already running (to restart it: kubectl vm restart web)\n");
    }

    [Fact]
    public async Task Stop_of_a_manual_vm_queues_a_stop_for_its_instance()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Manual, PrintableStatus.Running);
        var vmi = await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running);

        var run = await cluster.VmAsync("stop", "web", "-n", ns);

        run.ExitCode.Should().Be(0, run.Error);
        var request = (await cluster.VmAsync(ns, "web")).Status!.StateChangeRequests!.Single();
        (request.Action, request.Uid).Should().Be((StateChangeAction.Stop, vmi.Metadata.Uid));
    }

    [Fact]
    public async Task Forced_stop_shortens_the_instance_grace_period_then_halts_the_vm()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Running);
        await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running);

        (await cluster.VmAsync("stop", "web", "--force", "--grace-period", "0", "-n", ns)).ExitCode.Should().Be(0);

        (await cluster.VmiAsync(ns, "web")).Spec.TerminationGracePeriodSeconds.Should().Be(0);
        (await cluster.VmAsync(ns, "web")).Spec.RunStrategy.Should().Be(RunStrategy.Halted);
    }

    [Fact]
    public async Task A_grace_period_without_force_is_a_usage_error()
    {
        var run = await cluster.VmAsync("stop", "web", "--grace-period", "5");

        run.ExitCode.Should().Be(2);
        run.Error.Should().StartWith("error: --grace-period needs --force");
    }

    [Fact]
    public async Task Restart_queues_a_stop_for_the_current_instance_then_a_start_and_returns_once_the_controller_began()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Running);
        var vmi = await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running);

        var restart = cluster.VmAsync("restart", "web", "-n", ns);
        IList<VirtualMachineStateChangeRequest>? requests = null;
        await Eventually.UntilAsync(async () => (requests = (await cluster.VmAsync(ns, "web")).Status?.StateChangeRequests) is { Count: > 0 }, "the restart's requests");
        requests!.Select(r => (r.Action, r.Uid)).Should().Equal((StateChangeAction.Stop, vmi.Metadata.Uid), (StateChangeAction.Start, null));
        restart.IsCompleted.Should().BeFalse("restart waits for the controller to begin");

        // The controller's part: the old instance goes, the VM shows Stopping.
        await cluster.Clients.VirtualMachineInstances.DeleteAsync(ns, "web", CancellationToken.None);
        var vm = await cluster.VmAsync(ns, "web");
        await cluster.Clients.VirtualMachines.UpdateStatusAsync(vm with { Status = vm.Status! with { PrintableStatus = PrintableStatus.Stopping } }, CancellationToken.None);

        var run = await restart.WaitAsync(TimeSpan.FromSeconds(30));
        (run.ExitCode, run.Output).Should().Be((0, "VM web was scheduled to restart\n"));
    }

    [Fact]
    public async Task Restart_of_a_halted_vm_is_refused()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        var run = await cluster.VmAsync("restart", "web", "-n", ns);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Contain("runStrategy Halted does not support manual restart requests");
    }

    [Fact]
    public async Task Pause_and_unpause_set_the_pause_annotation_the_agent_follows()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Running);
        await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running);

        (await cluster.VmAsync("pause", "vm", "web", "-n", ns)).Output.Should().Be("VMI web was scheduled to pause\n");
        (await cluster.VmiAsync(ns, "web")).Metadata.Annotations.Should().Contain(VmAddonMetadata.PauseRequestedAnnotation, "true");

        var notPaused = await cluster.VmAsync("unpause", "vmi", "web", "-n", ns); // the agent has not reported Paused yet
        notPaused.ExitCode.Should().Be(1);
        notPaused.Error.Should().Contain("VMI is not paused");
    }

    [Fact]
    public async Task Unpause_of_a_paused_instance_asks_to_run()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Always, PrintableStatus.Paused);
        await cluster.CreateVmiAsync(ns, "web", VirtualMachineInstancePhase.Running, paused: true);

        (await cluster.VmAsync("unpause", "vm", "web", "-n", ns)).ExitCode.Should().Be(0);

        (await cluster.VmiAsync(ns, "web")).Metadata.Annotations.Should().Contain(VmAddonMetadata.PauseRequestedAnnotation, "false");
    }

    [Fact]
    public async Task Pause_of_a_vm_that_does_not_run_says_how_to_start_it()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "web", RunStrategy.Halted);

        var run = await cluster.VmAsync("pause", "vm", "web", "-n", ns);

        run.ExitCode.Should().Be(1);
        run.Error.Should().Be("error: cannot pause virtualmachine \"web\": VM is not running (start it first: kubectl vm start web, then kubectl vm wait web --for Running)\n");
    }

    [Fact]
    public async Task The_context_namespace_is_used_when_no_namespace_is_given()
    {
        await cluster.Client.CoreV1.CreateNamespaceAsync(new k8s.Models.V1Namespace { Metadata = new() { Name = "elsewhere" } });
        await cluster.CreateVmAsync("elsewhere", "db", RunStrategy.Halted);

        (await cluster.VmAsync("--context", "elsewhere", "start", "db")).ExitCode.Should().Be(0);

        (await cluster.VmAsync("elsewhere", "db")).Spec.RunStrategy.Should().Be(RunStrategy.Always);
    }
}
