using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace VmAddon.Cli.Tests;

/// <summary>kubectl finds bin/kubectl-vm as the plugin `kubectl vm`, as the README says; `make build` writes it.</summary>
public class KubectlPluginTests
{
    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Kubectl_runs_the_plugin_on_the_readme_example()
    {
        var root = RepositoryRoot();
        var plugin = Path.Combine(root, "bin", "kubectl-vm");
        File.Exists(plugin).Should().BeTrue($"{plugin} is missing: run `make build` first (make test does)");

        var start = new ProcessStartInfo("kubectl") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "vm", "validate", "-f", "examples/legacy-app.yaml" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["PATH"] = $"{Path.Combine(root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(s_deadline);
        var output = await process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        process.ExitCode.Should().Be(0, error);
        output.Trim().Should().Be("examples/legacy-app.yaml: VirtualMachine/legacy-app: valid");
    }

    private static string RepositoryRoot([CallerFilePath] string source = "")
    {
        for (var directory = new DirectoryInfo(Path.GetDirectoryName(source)!); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "VmAddon.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no VmAddon.sln above {source}");
    }
}
