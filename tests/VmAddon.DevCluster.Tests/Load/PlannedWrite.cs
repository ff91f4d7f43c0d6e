namespace VmAddon.DevCluster.Tests.Load;

/// <summary>One write a writer client makes; Shard is the object's shard label once the write is done.</summary>
internal sealed record PlannedWrite(ObjectRef Object, WriteStep Step, string Shard);
