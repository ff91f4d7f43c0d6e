using k8s;
using System.CommandLine;
using k8s.Autorest;
using k8s.Models;
using VmAddon.Cli.Cluster;
using VmAddon.Cli.Expose;

namespace VmAddon.Cli.Commands;

/// <summary><c>kubectl vm expose vm|vmi NAME --port P ...</c>: a Service that selects the VM's launcher pods, as virtctl expose.</summary>
internal static class ExposeCommand
{
    public static Command Build(CliContext context)
    {
        var kind = KindArgument.Create();
        var name = NameArguments.Vm(context, "The VirtualMachine's or VirtualMachineInstance's name.");
        var port = new Option<int>("--port") { Description = "The Service's port.", Required = true };
        var targetPort = new Option<int?>("--target-port") { Description = "The guest's port (default: --port)." };
        var serviceName = new Option<string?>("--name") { Description = "The Service's name (default: the VM's)." };
        var type = new Option<string>("--type") { Description = "ClusterIP or NodePort.", DefaultValueFactory = _ => "ClusterIP" };
        type.AcceptOnlyFromAmong("ClusterIP", "NodePort");
        var protocol = new Option<string>("--protocol") { Description = "TCP or UDP.", DefaultValueFactory = _ => "TCP" };
        protocol.AcceptOnlyFromAmong("TCP", "UDP");
        var help = "Create a Service that sends traffic to the VM's guest: it selects the VM's launcher pods (by its template labels, as virtctl does), whichever node they run on and across restarts.";
        return new Command("expose", help).WithExamples("kubectl vm expose vm legacy-app --port 8080 --target-port 80", "kubectl vm expose vm legacy-app --port 80 --name legacy-web --type NodePort").With(kind, name, port, targetPort, serviceName, type, protocol).WithAction(context, async (parse, cluster, cancellationToken) =>
        {
            var target = parse.GetValue(name)!;
            var isVm = KindArgument.Normalise(parse.GetValue(kind)!) == KindArgument.Vm;
            var labels = isVm
                ? (await Lookup.VmAsync(cluster, target, cancellationToken).ConfigureAwait(false)).Spec.Template?.Metadata?.Labels
                : (await Lookup.VmiAsync(cluster, target, cancellationToken).ConfigureAwait(false)).Metadata.Labels;
            var service = new V1Service
            {
                Metadata = new V1ObjectMeta { Name = parse.GetValue(serviceName) ?? target, NamespaceProperty = cluster.Namespace },
                Spec = new V1ServiceSpec
                {
                    Selector = ServiceSelector.For(target, labels),
                    Type = parse.GetValue(type),
                    Ports = [new V1ServicePort { Port = parse.GetValue(port), TargetPort = parse.GetValue(targetPort) ?? parse.GetValue(port), Protocol = parse.GetValue(protocol) }],
                },
            };
            try
            {
                await cluster.Client.CoreV1.CreateNamespacedServiceAsync(service, cluster.Namespace, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.Conflict)
            {
                throw new CliException($"service \"{service.Metadata.Name}\" already exists in namespace \"{cluster.Namespace}\" (choose another with --name, or: kubectl delete service {service.Metadata.Name})");
            }

            await context.Streams.Output.WriteLineAsync($"Service {service.Metadata.Name} successfully exposed for {(isVm ? "vm" : "vmi")} {target}").ConfigureAwait(false);
            return ExitCodes.Success;
        });
    }
}
