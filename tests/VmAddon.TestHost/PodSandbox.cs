using System.Diagnostics;
using System.Text;
using k8s.Models;

namespace VmAddon.TestHost;

/// <summary>
/// Runs a launcher Pod's container the way a kubelet would, on this machine: its volumes as host folders
/// bind-mounted at their mountPaths in a private mount namespace, its own network namespace and IP, its
/// environment, and its user. Inside, the paths are the ones VmAddon renders; outside, <see cref="HostPath"/>
/// finds them. Dispose kills everything the Pod started.
/// </summary>
public sealed class PodSandbox : IAsyncDisposable
{
    private readonly string _root;
    private readonly Dictionary<string, string> _mounts;
    private readonly StringBuilder _output = new();

    private PodSandbox(V1Pod pod, string root, Dictionary<string, string> mounts, PodNetwork network, Process process)
    {
        Pod = pod;
        _root = root;
        _mounts = mounts;
        Network = network;
        Process = process;
    }

    public V1Pod Pod { get; }

    public PodNetwork Network { get; }

    /// <summary>The container's main process (the launcher).</summary>
    public Process Process { get; }

    /// <summary>Everything the container printed so far, standard output and error interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the Pod's first (main) container, with <paramref name="programs"/> mapping command names to local builds and <paramref name="images"/> mapping image volumes to local folders.</summary>
    public static async Task<PodSandbox> StartAsync(V1Pod pod, IReadOnlyDictionary<string, string> programs, IReadOnlyDictionary<string, string> images)
    {
        Prerequisites.Require();
        var root = Directory.CreateTempSubdirectory("vmaddon-pod-").FullName;
        var container = pod.Spec.Containers[0]; // the main container; sidecars (guest-console-log) do not run in a sandbox
        var uid = pod.Spec.SecurityContext?.RunAsUser ?? container.SecurityContext?.RunAsUser ?? 0;
        var gid = pod.Spec.SecurityContext?.RunAsGroup ?? uid;
        await PodUser.EnsureAsync(uid);

        var volumes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            volumes[volume.Name] = await PrepareVolumeAsync(pod, volume, Path.Combine(root, "volumes", volume.Name), images, uid, gid);
        }

        var mounts = (container.VolumeMounts ?? []).ToDictionary(m => m.MountPath, m => volumes[m.Name], StringComparer.Ordinal);
        var network = await PodNetwork.CreateAsync();
        foreach (var sysctl in pod.Spec.SecurityContext?.Sysctls ?? [])
        {
            await network.SetSysctlAsync(sysctl.Name, sysctl.Value);
        }

        var script = new StringBuilder("set -e\n");
        foreach (var mount in container.VolumeMounts ?? [])
        {
            Directory.CreateDirectory(mount.MountPath); // the mount point, empty on the host
            script.Append("mount --bind ").Append(Quote(volumes[mount.Name])).Append(' ').Append(Quote(mount.MountPath)).Append('\n');
            if (mount.ReadOnlyProperty == true)
            {
                script.Append("mount -o remount,bind,ro ").Append(Quote(mount.MountPath)).Append('\n');
            }
        }

        var command = container.Command.Concat(container.Args ?? []).ToList();
        command[0] = programs.TryGetValue(command[0], out var local) ? local : command[0];
        script.Append($"exec setpriv --reuid={uid} --regid={gid} --clear-groups -- ").AppendJoin(' ', command.Select(Quote)).Append('\n');

        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "netns", "exec", network.Namespace, "unshare", "--mount", "--propagation", "private", "--", "sh", "-c", script.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        start.Environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        start.Environment["HOME"] = "/"; // what a kubelet sets for a user without a home
        foreach (var env in container.Env ?? [])
        {
            start.Environment[env.Name] = env.Value ?? FieldRef(pod, env.ValueFrom?.FieldRef?.FieldPath, network) ?? "";
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the pod");
        var sandbox = new PodSandbox(pod, root, mounts, network, process);
        process.OutputDataReceived += (_, e) => sandbox.Append(e.Data);
        process.ErrorDataReceived += (_, e) => sandbox.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sandbox;
    }

    /// <summary>The host path behind a path inside the Pod, for example the libvirt socket.</summary>
    public string HostPath(string podPath)
    {
        var mount = _mounts.Keys.Where(m => podPath == m || podPath.StartsWith(m + "/", StringComparison.Ordinal)).MaxBy(m => m.Length)
            ?? throw new ArgumentException($"{podPath} is on no volume of the pod", nameof(podPath));
        return _mounts[mount] + podPath[mount.Length..];
    }

    /// <summary>Waits until the container has printed <paramref name="text"/>, failing with its output otherwise.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan deadline)
    {
        var until = DateTime.UtcNow + deadline;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (Process.HasExited)
            {
                // Its last lines may still be in flight; waiting for the exit drains the output readers.
                await Process.WaitForExitAsync();
                if (Output.Contains(text, StringComparison.Ordinal))
                {
                    return;
                }
            }

            if (DateTime.UtcNow > until || Process.HasExited)
            {
                throw new TimeoutException($"the pod did not print \"{text}\" within {deadline} (exited: {Process.HasExited}). Its output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends a signal to the container's main process, as the kubelet does on deletion.</summary>
    public Task SignalAsync(string signal) => HostCommand.RunAsync("kill", $"-{signal}", MainPid().ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The pid of the container's program: the ip → unshare → sh chain execs into it.</summary>
    public int MainPid() => Process.Id;

    public async ValueTask DisposeAsync()
    {
        if (!Process.HasExited)
        {
            Process.Kill(entireProcessTree: true);
            await Process.WaitForExitAsync();
        }

        // QEMU may have been reparented; kill whatever still runs in the pod's network namespace.
        var pids = await HostCommand.TryRunAsync("ip", "netns", "pids", Network.Namespace);
        foreach (var pid in pids.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await HostCommand.TryRunAsync("kill", "-9", pid.Trim());
        }

        await Network.DeleteAsync();
        Process.Dispose();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A socket or mount left behind must not fail the test; the temp folder is cleaned by the OS.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static async Task<string> PrepareVolumeAsync(V1Pod pod, V1Volume volume, string path, IReadOnlyDictionary<string, string> images, long uid, long gid)
    {
        Directory.CreateDirectory(path);
        if (volume.Image is { } image)
        {
            // An image volume: the image's files, read-only; a containerDisk keeps its disk under /disk.
            var source = images.TryGetValue(image.Reference, out var local) ? local : throw new InvalidOperationException($"no local image for {image.Reference}");
            Directory.CreateDirectory(Path.Combine(path, "disk"));
            File.CreateSymbolicLink(Path.Combine(path, "disk", Path.GetFileName(source)), source);
            return path;
        }

        foreach (var item in volume.Projected?.Sources?.SelectMany(s => s.DownwardAPI?.Items ?? []) ?? [])
        {
            await File.WriteAllTextAsync(Path.Combine(path, item.Path), FieldRef(pod, item.FieldRef.FieldPath, null) ?? "");
        }

        await HostCommand.RunAsync("chown", "-R", $"{uid}:{gid}", path);
        return path;
    }

    private static string? FieldRef(V1Pod pod, string? fieldPath, PodNetwork? network)
    {
        const string annotations = "metadata.annotations['";
        return fieldPath switch
        {
            "metadata.name" => pod.Metadata.Name ?? pod.Metadata.GenerateName + "sandbox",
            "metadata.namespace" => pod.Metadata.NamespaceProperty,
            "metadata.uid" => pod.Metadata.Uid,
            "spec.nodeName" => "localhost",
            "status.podIP" => network?.Ip,
            { } path when path.StartsWith(annotations, StringComparison.Ordinal) =>
                pod.Metadata.Annotations?.TryGetValue(path[annotations.Length..^2], out var value) == true ? value : null,
            _ => null,
        };
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
