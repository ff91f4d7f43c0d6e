using k8s;
using k8s.Exceptions;
using k8s.KubeConfigModels;
using VmAddon.Kube.Clients;

namespace VmAddon.Cli.Cluster;

/// <summary>A connection to the cluster of the chosen kubeconfig context, and the namespace commands work in.</summary>
internal sealed class ClusterConnection : IDisposable
{
    /// <summary>How long one API request may take before kubectl vm gives up on it.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly Kubernetes _client;

    private ClusterConnection(Kubernetes client, string server, string ns)
    {
        _client = client;
        Server = server;
        Namespace = ns;
        VmAddon = new VmAddonClients(client);
    }

    public IKubernetes Client => _client;

    public VmAddonClients VmAddon { get; }

    /// <summary>The API server's URL, for messages.</summary>
    public string Server { get; }

    public string Namespace { get; }

    /// <summary>Reads the kubeconfig as kubectl does: --kubeconfig, else every file in $KUBECONFIG merged, else ~/.kube/config.</summary>
    public static ClusterConnection Open(ClusterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var files = KubeconfigFiles(request.Kubeconfig);
        KubernetesClientConfiguration configuration;
        try
        {
            var merged = Merge(files);
            if (request.Context is { } context && merged.Contexts?.All(c => c.Name != context) != false)
            {
                throw new CliException($"context \"{context}\" is not in {string.Join(", ", files)} (see: kubectl config get-contexts)");
            }

            configuration = KubernetesClientConfiguration.BuildConfigFromConfigObject(merged, request.Context);
        }
        catch (Exception e) when (e is not CliException)
        {
            // KubernetesClient throws what it meets in a broken file (NullReferenceException for an empty one, say).
            var why = e is KubeConfigException or IOException or YamlDotNet.Core.YamlException ? e.Message : "it is not a kubeconfig";
            throw new CliException($"{string.Join(", ", files)}: {why} (see: kubectl config view)");
        }

        configuration.HttpClientTimeout = RequestTimeout;
        var ns = request.Namespace ?? configuration.Namespace;
        return new ClusterConnection(new Kubernetes(configuration), configuration.Host, string.IsNullOrEmpty(ns) ? "default" : ns);
    }

    public void Dispose() => _client.Dispose();

    // kubectl's merge of $KUBECONFIG: the first file to name a context, cluster or user, or a current-context, wins.
    private static K8SConfiguration Merge(List<string> files)
    {
        var configs = files.Select(f => KubernetesClientConfiguration.LoadKubeConfig(new FileInfo(f))).ToList();
        if (configs.Count == 1)
        {
            return configs[0];
        }

        return new K8SConfiguration
        {
            CurrentContext = configs.Select(c => c.CurrentContext).FirstOrDefault(c => !string.IsNullOrEmpty(c)),
            Contexts = [.. configs.SelectMany(c => c.Contexts ?? []).DistinctBy(c => c.Name)],
            Clusters = [.. configs.SelectMany(c => c.Clusters ?? []).DistinctBy(c => c.Name)],
            Users = [.. configs.SelectMany(c => c.Users ?? []).DistinctBy(u => u.Name)],
        };
    }

    private static List<string> KubeconfigFiles(string? flag)
    {
        if (flag is not null)
        {
            return File.Exists(flag) ? [flag] : throw new CliException($"--kubeconfig {flag}: no such file");
        }

        var fromEnvironment = (Environment.GetEnvironmentVariable("KUBECONFIG") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(File.Exists).ToList();
        if (fromEnvironment.Count > 0)
        {
            return fromEnvironment;
        }

        var home = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        return File.Exists(home)
            ? [home]
            : throw new CliException("no kubeconfig: pass --kubeconfig FILE or set KUBECONFIG (make run writes .vmaddon/kubeconfig)");
    }
}
