using k8s;
using System.CommandLine;
using System.Reflection;
using k8s.Autorest;
using VmAddon.Api;
using VmAddon.Cli.Cluster;

namespace VmAddon.Cli.Commands;

/// <summary>
/// <c>kubectl vm version</c>: this client's version, and the server side where it can be read: the version the leading
/// vmaddon-controller keeps on its Lease, and the Kubernetes API server's.
/// </summary>
internal static class VersionCommand
{
    private const string LeaseName = "vmaddon-controller";

    public static string ClientVersion { get; } =
        typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public static Command Build(CliContext context)
    {
        var clientOnly = new Option<bool>("--client") { Description = "Print the client version only; needs no cluster." };
        var leaseNamespace = new Option<string>("--controller-namespace")
        {
            Description = "Where vmaddon-controller keeps its leader Lease (its --leader-election-namespace).",
            DefaultValueFactory = _ => "default",
        };
        var help = "Print the client's version, the vmaddon-controller's (from its leader Lease) and the Kubernetes API server's.";
        var command = new Command("version", help).WithExamples("kubectl vm version", "kubectl vm version --client").With(clientOnly, leaseNamespace);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await context.Streams.Output.WriteLineAsync($"Client Version: v{ClientVersion}").ConfigureAwait(false);
            return parse.GetValue(clientOnly) ? ExitCodes.Success : await OnlineCommand.RunAsync(context, parse, ServerAsync, cancellationToken).ConfigureAwait(false);
        });
        return command;

        async Task<int> ServerAsync(ParseResult parse, ClusterConnection cluster, CancellationToken cancellationToken)
        {
            var output = context.Streams.Output;
            var kubernetes = await cluster.Client.Version.GetCodeAsync(cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"Server Version: {await ControllerVersionAsync(cluster, parse.GetValue(leaseNamespace)!, context.Time, cancellationToken).ConfigureAwait(false)}").ConfigureAwait(false);
            await output.WriteLineAsync($"Kubernetes Version: {kubernetes.GitVersion}").ConfigureAwait(false);
            return ExitCodes.Success;
        }
    }

    private static async Task<string> ControllerVersionAsync(ClusterConnection cluster, string ns, TimeProvider time, CancellationToken cancellationToken)
    {
        k8s.Models.V1Lease lease;
        try
        {
            lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(LeaseName, ns, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is System.Net.HttpStatusCode.NotFound or System.Net.HttpStatusCode.Forbidden)
        {
            return $"unavailable: no Lease {ns}/{LeaseName} (is vmaddon-controller running, with leader election? See --controller-namespace)";
        }

        string? version = null;
        _ = lease.Metadata.Annotations?.TryGetValue(VmAddonMetadata.ControllerVersionAnnotation, out version);
        var renewed = lease.Spec?.RenewTime;
        var duration = TimeSpan.FromSeconds(lease.Spec?.LeaseDurationSeconds ?? 0);
        if (version is null || string.IsNullOrEmpty(lease.Spec?.HolderIdentity) || renewed is null || renewed.Value.ToUniversalTime() + duration < time.GetUtcNow().UtcDateTime)
        {
            return $"unavailable: no vmaddon-controller holds the Lease {ns}/{LeaseName} now (is it running?)";
        }

        return $"v{version} (vmaddon-controller {lease.Spec!.HolderIdentity})";
    }
}
