using k8s;

namespace VmAddon.DevCluster.Tests.Load;

/// <summary>One watch event as a client read it: type, object and the object's resourceVersion.</summary>
internal sealed record SeenEvent(WatchEventType Type, string Namespace, string Name, long ResourceVersion)
{
    public override string ToString() => $"{Type} {Namespace}/{Name}@{ResourceVersion}";
}
