using System.Diagnostics;

namespace VmAddon.TestHost;

/// <summary>Runs the installed kubectl against a kubeconfig; a missing kubectl fails the test with what to install.</summary>
public sealed class Kubectl(string kubeconfig)
{
    public static string Path => Prerequisites.Which("kubectl")
        ?? throw new InvalidOperationException("these conformance tests drive the real kubectl, which is not on the PATH: install kubectl (1.27 to 1.33)");

    /// <summary>The PATH kubectl runs with: this repository's bin/ first, so that `kubectl vm` is bin/kubectl-vm, as the README sets it.</summary>
    public static string PluginPath => $"{System.IO.Path.Combine(Repository.Root, "bin")}:{Environment.GetEnvironmentVariable("PATH")}";

    public async Task<KubectlResult> RunAsync(string arguments, string? stdin = null, TimeSpan? timeout = null)
    {
        using var process = Start(arguments, stdin is not null);
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {arguments} did not finish; stderr so far: {await error}");
        }

        return new KubectlResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs kubectl on a pseudo-terminal through script(1), for -t; returns what the terminal showed.</summary>
    public async Task<string> RunScriptedTtyAsync(string arguments)
    {
        var info = new ProcessStartInfo("script") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var argument in (string[])["-qfec", $"{Path} {arguments}", "/dev/null"])
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = System.IO.Path.GetDirectoryName(kubeconfig)!;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(guard.Token);
        return await output;
    }

    /// <summary>Runs kubectl and fails with its stderr unless it exits 0.</summary>
    public async Task<string> SucceedAsync(string arguments, string? stdin = null)
    {
        var result = await RunAsync(arguments, stdin);
        return result.ExitCode == 0 ? result.Output : throw new InvalidOperationException($"kubectl {arguments} exited {result.ExitCode}: {result.Error}");
    }

    /// <summary>Starts a long-running kubectl (get -w) whose output the caller reads line by line.</summary>
    public Process Start(string arguments, bool redirectInput = false)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = redirectInput,
            UseShellExecute = false,
        };
        foreach (var argument in Split(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["KUBECONFIG"] = kubeconfig;
        info.Environment["HOME"] = System.IO.Path.GetDirectoryName(kubeconfig)!;
        info.Environment["PATH"] = PluginPath;
        return Process.Start(info)!;
    }

    // Splits on spaces, keeping 'single-quoted' parts whole (JSON patches and jsonpath templates).
    private static IEnumerable<string> Split(string arguments)
    {
        var current = new System.Text.StringBuilder();
        var quoted = false;
        var any = false;
        foreach (var c in arguments)
        {
            if (c == '\'')
            {
                quoted = !quoted;
                any = true;
            }
            else if (c == ' ' && !quoted)
            {
                if (any)
                {
                    yield return current.ToString();
                }

                current.Clear();
                any = false;
            }
            else
            {
                current.Append(c);
                any = true;
            }
        }

        if (any)
        {
            yield return current.ToString();
        }
    }
}

/// <summary>What a kubectl run printed and how it exited.</summary>
public sealed record KubectlResult(int ExitCode, string Output, string Error);
