using System.Diagnostics;
using VmAddon.Api;

namespace VmAddon.Cli.Tests.Online;

/// <summary>Completion speaks cobra's __complete protocol (kubectl's, for plugins) and completes VM names from the cluster.</summary>
public sealed class CompletionTests(ApiCluster cluster) : IClassFixture<ApiCluster>
{
    [Fact]
    public async Task Complete_lists_subcommands_then_the_directive()
    {
        var run = await CliRun.RunAsync("", "__complete", "st");

        run.Output.Should().Be("start\nstop\n:4\n");
    }

    [Fact]
    public async Task Complete_lists_the_vms_of_the_namespace()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "alpha", RunStrategy.Always);
        await cluster.CreateVmAsync(ns, "beta", RunStrategy.Always);

        var run = await CliRun.RunAsync("", "__complete", "--kubeconfig", cluster.Kubeconfig, "-n", ns, "stop", "a");

        run.Output.Should().Be("alpha\n:4\n");
    }

    [Fact]
    public async Task A_file_flag_leaves_completion_to_the_shell()
    {
        var run = await CliRun.RunAsync("", "__complete", "validate", "-f", "");

        run.Output.Should().Be(":0\n");
    }

    [Fact]
    public async Task The_zsh_script_completes_through_the_program_and_leaves_files_to_zsh()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "legacy-app", RunStrategy.Always);
        var script = (await CliRun.RunAsync("", "completion", "zsh")).Output;

        // zsh's compadd and _files, stubbed to print what they were given; words and CURRENT as zsh sets them.
        var output = await RunShellAsync("zsh", $$"""
            compdef() { }
            compadd() { shift; print -l -- "$@" }
            _files() { print -- FILES }
            {{script}}
            words=(kubectl-vm -n {{ns}} stop le); CURRENT=5; _kubectl_vm
            words=(kubectl-vm validate -f ''); CURRENT=4; _kubectl_vm
            """);

        output.Should().Be("legacy-app\nFILES\n");
    }

    [Fact]
    public async Task The_bash_script_completes_vm_names_through_the_program()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateVmAsync(ns, "legacy-app", RunStrategy.Always);
        var script = (await CliRun.RunAsync("", "completion", "bash")).Output;

        // What bash does on `kubectl-vm -n NS start le<TAB>`.
        var output = await RunShellAsync("bash", $"{script}\nCOMP_WORDS=(kubectl-vm -n {ns} start le); COMP_CWORD=4; _kubectl_vm; printf '%s\\n' \"${{COMPREPLY[@]}}\"\n");

        output.Should().Be("legacy-app\n");
    }

    // Runs a script in the shell with bin/ (kubectl-vm) first on the PATH and this cluster's kubeconfig.
    private async Task<string> RunShellAsync(string shell, string script)
    {
        var bin = Path.Combine(Repository.Root, "bin");
        File.Exists(Path.Combine(bin, "kubectl-vm")).Should().BeTrue("make build writes bin/kubectl-vm (make test runs it first)");
        _ = Prerequisites.Which(shell) ?? throw new InvalidOperationException($"{shell} is missing: make deps installs it");
        var start = new ProcessStartInfo(shell) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PATH"] = $"{bin}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["KUBECONFIG"] = cluster.Kubeconfig;
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(script);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{shell} exited {process.ExitCode}: {error}");
    }
}
