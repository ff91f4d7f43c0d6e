using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using VmAddon.Api;
using VmAddon.Kube.Clients;
using VmAddon.Kube.Status;
using VmAddon.Kube.Tests.Clients;

namespace VmAddon.Kube.Tests.Status;

public sealed class StatusUpdaterTests(KubeCluster cluster) : IClassFixture<KubeCluster>
{
    private async Task<(CustomResourceClient<VirtualMachineInstance> Client, VirtualMachineInstance Vmi)> NewVmiAsync()
    {
        var ns = await cluster.NewNamespaceAsync();
        var client = new CustomResourceClient<VirtualMachineInstance>(cluster.Client);
        var vmi = await client.CreateAsync(new VirtualMachineInstance { Metadata = new V1ObjectMeta { Name = "vmi", NamespaceProperty = ns } }, default);
        return (client, vmi);
    }

    [Fact]
    public async Task A_Changed_Status_Is_Written_Once_And_An_Unchanged_One_Not_At_All()
    {
        var (client, vmi) = await NewVmiAsync();
        var updater = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(client);

        var first = await updater.UpdateAsync(vmi, _ => new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Scheduling }, default);
        first.Outcome.Should().Be(StatusUpdateOutcome.Updated);
        first.Writes.Should().Be(1);
        vmi.Status.Should().BeNull("the cached object is never mutated");

        var second = await updater.UpdateAsync(first.Object!, _ => new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Scheduling }, default);
        second.Outcome.Should().Be(StatusUpdateOutcome.Unchanged);
        second.Writes.Should().Be(0);
        (await client.GetAsync(vmi.Metadata.NamespaceProperty, "vmi", default))!.Metadata.ResourceVersion.Should().Be(first.Object!.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task A_Conflict_Re_Reads_And_Re_Applies_The_Status_Function()
    {
        var (client, stale) = await NewVmiAsync();
        // Someone else writes after our cache saw the object.
        await client.PatchStatusAsync(stale.Metadata.NamespaceProperty, "vmi",
            new V1Patch("""{"status":{"nodeName":"n1"}}""", V1Patch.PatchType.MergePatch), default);
        var updater = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(client);

        var seenNodes = new List<string?>();
        var result = await updater.UpdateAsync(stale, v =>
        {
            seenNodes.Add(v.Status?.NodeName);
            return (v.Status ?? new()) with { Phase = VirtualMachineInstancePhase.Running };
        }, default);

        result.Outcome.Should().Be(StatusUpdateOutcome.Updated);
        result.Writes.Should().Be(2);
        seenNodes.Should().Equal(null, "n1");
        result.Object!.Status!.Phase.Should().Be(VirtualMachineInstancePhase.Running);
        result.Object.Status.NodeName.Should().Be("n1", "the other writer's field survives");
    }

    [Fact]
    public async Task Conflicts_Are_Retried_A_Bounded_Number_Of_Times_Then_Surface()
    {
        var (_, vmi) = await NewVmiAsync();
        var injector = new ConflictInjector();
        using var conflicted = new Kubernetes(cluster.Config, injector);
        var updater = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(
            new CustomResourceClient<VirtualMachineInstance>(conflicted), new StatusUpdaterOptions { MaxRetries = 3, BaseDelay = TimeSpan.FromMilliseconds(1) });

        var act = () => updater.UpdateAsync(vmi, _ => new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Failed }, default);

        (await act.Should().ThrowAsync<HttpOperationException>()).Which.Response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        injector.StatusWrites.Should().Be(4);
    }

    [Fact]
    public async Task An_Object_Deleted_Meanwhile_Reports_NotFound()
    {
        var (client, vmi) = await NewVmiAsync();
        await client.DeleteAsync(vmi.Metadata.NamespaceProperty, "vmi", default);
        await Eventually.UntilAsync(async () => await client.GetAsync(vmi.Metadata.NamespaceProperty, "vmi", default) is null, "deletion");
        var updater = new StatusUpdater<VirtualMachineInstance, VirtualMachineInstanceStatus>(client);

        var result = await updater.UpdateAsync(vmi, _ => new VirtualMachineInstanceStatus { Phase = VirtualMachineInstancePhase.Failed }, default);

        result.Outcome.Should().Be(StatusUpdateOutcome.NotFound);
    }
}
