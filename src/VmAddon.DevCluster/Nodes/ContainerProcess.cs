using System.Diagnostics;
using System.Globalization;
using System.Text;
using k8s.Models;
using VmAddon.DevCluster.Kubelet;
using VmAddon.DevCluster.Nodes.Host;

namespace VmAddon.DevCluster.Nodes;

/// <summary>
/// One run of a container as a host process: in the pod's network namespace (unless hostNetwork), in a private mount
/// namespace where each volume is bind-mounted at its mountPath, as the pod's user, with its environment and working
/// directory. The ip → unshare → sh → setpriv chain only execs, so the process's pid is the container program's.
/// </summary>
internal sealed class ContainerProcess
{
    private const string DefaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    private readonly bool _ownHostname;

    private ContainerProcess(Process process, Task pump, long uid, long gid, IReadOnlyDictionary<string, string> environment, bool ownHostname)
    {
        _ownHostname = ownHostname;
        Process = process;
        Uid = uid;
        Gid = gid;
        Environment = environment;
        Exited = WaitAsync(process, pump);
    }

    public Process Process { get; }

    public int Pid => Process.Id;

    public long Uid { get; }

    public long Gid { get; }

    /// <summary>The environment the container runs with, which exec sessions get too.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The exit code once the program and its output are done (128 + signal when killed).</summary>
    public Task<int> Exited { get; }

    public static ContainerProcess Start(
        V1Pod pod, V1Container container, IReadOnlyList<string> command, IReadOnlyDictionary<string, string> environment,
        IReadOnlyDictionary<string, string> volumes, string? networkNamespace, string? hostsFile, CriLogWriter log)
    {
        var uid = container.SecurityContext?.RunAsUser ?? pod.Spec.SecurityContext?.RunAsUser ?? 0;
        var gid = container.SecurityContext?.RunAsGroup ?? pod.Spec.SecurityContext?.RunAsGroup ?? (uid == 0 ? 0 : uid);
        var script = new StringBuilder("set -e\n");
        var ownHostname = pod.Spec.HostNetwork != true;
        if (ownHostname)
        {
            // Like a pod sandbox: its own UTS namespace named after the pod (hostNetwork pods share the host's).
            script.Append("hostname ").Append(Quote(pod.Spec.Hostname ?? pod.Metadata.Name)).Append('\n');
        }

        if (hostsFile is not null)
        {
            script.Append("mount --bind ").Append(Quote(hostsFile)).Append(" /etc/hosts\n");
        }

        foreach (var mount in container.VolumeMounts ?? [])
        {
            if (!volumes.TryGetValue(mount.Name, out var source))
            {
                throw new PodStartException("CreateContainerConfigError", $"volumeMount {mount.Name}: the pod has no volume of that name");
            }

            var target = mount.MountPath;
            if (File.Exists(source) && !Directory.Exists(source))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                if (!File.Exists(target))
                {
                    File.WriteAllBytes(target, []);
                }
            }
            else
            {
                Directory.CreateDirectory(target); // the mount point, empty on the host; the bind mount lives only in this namespace
            }

            var from = string.IsNullOrEmpty(mount.SubPath) ? source : Path.Combine(source, mount.SubPath);
            script.Append("mount --bind ").Append(Quote(from)).Append(' ').Append(Quote(target)).Append('\n');
            if (mount.ReadOnlyProperty == true)
            {
                script.Append("mount -o remount,bind,ro ").Append(Quote(target)).Append('\n');
            }
        }

        if (!string.IsNullOrEmpty(container.WorkingDir))
        {
            script.Append("mkdir -p ").Append(Quote(container.WorkingDir)).Append(" && cd ").Append(Quote(container.WorkingDir)).Append('\n');
        }

        script.Append("exec ");
        if (uid != 0 || gid != 0)
        {
            script.Append(CultureInfo.InvariantCulture, $"setpriv --reuid={uid} --regid={gid} --clear-groups -- ");
        }

        script.AppendJoin(' ', command.Select(Quote)).Append('\n');

        var argv = new List<string>();
        if (networkNamespace is not null)
        {
            argv.AddRange(["ip", "netns", "exec", networkNamespace]);
        }

        argv.AddRange(["unshare", "--mount", "--propagation", "private"]);
        if (ownHostname)
        {
            argv.Add("--uts");
        }

        argv.AddRange(["--", "sh", "-c", script.ToString()]);
        var info = new ProcessStartInfo(argv[0]) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var arg in argv.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new PodStartException("StartError", $"could not start container {container.Name}");
        process.StandardInput.Close(); // stdin: false, as a pod's container has by default
        var pump = Task.WhenAll(
            log.CopyAsync(process.StandardOutput.BaseStream, CriLogStream.Stdout, CancellationToken.None),
            log.CopyAsync(process.StandardError.BaseStream, CriLogStream.Stderr, CancellationToken.None));
        return new ContainerProcess(process, pump, uid, gid, environment, ownHostname);
    }

    /// <summary>The argv that runs a command inside this container: its mount and network namespaces, as its user.</summary>
    public IReadOnlyList<string> ExecArgv(IReadOnlyList<string> command)
    {
        var argv = new List<string> { "nsenter", "-t", Pid.ToString(CultureInfo.InvariantCulture), "--mount", "--net" };
        if (_ownHostname)
        {
            argv.Add("--uts");
        }

        argv.Add("--");
        if (Uid != 0 || Gid != 0)
        {
            argv.AddRange(["setpriv", $"--reuid={Uid}", $"--regid={Gid}", "--clear-groups", "--"]);
        }

        argv.AddRange(command);
        return argv;
    }

    /// <summary>The environment a container starts with: a default PATH and HOSTNAME, then its env in order (later entries may refer to earlier ones as $(NAME)).</summary>
    public static Dictionary<string, string> BaseEnvironment(V1Pod pod) => new(StringComparer.Ordinal)
    {
        ["PATH"] = DefaultPath,
        ["HOSTNAME"] = pod.Spec.Hostname ?? pod.Metadata.Name,
        ["HOME"] = "/root",
    };

    /// <summary>Sends SIGTERM, then SIGKILL to the whole process tree once the grace period is over.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Process.HasExited)
        {
            return;
        }

        await HostProcess.TryRunAsync("kill", "-TERM", Pid.ToString(CultureInfo.InvariantCulture)).ConfigureAwait(false);
        if (await Task.WhenAny(Exited, Task.Delay(grace)).ConfigureAwait(false) != Exited)
        {
            await ProcessTree.SignalAsync(Pid, "KILL").ConfigureAwait(false);
        }

        await Exited.ConfigureAwait(false);
    }

    private static async Task<int> WaitAsync(Process process, Task pump)
    {
        await process.WaitForExitAsync().ConfigureAwait(false);
        // A child that inherited stdout (a daemon the container started) may keep the pipe open: wait briefly for the last lines only.
        await Task.WhenAny(pump, Task.Delay(TimeSpan.FromSeconds(2))).ConfigureAwait(false);
        return process.ExitCode;
    }

    private static string Quote(string text) => "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
