namespace VmAddon.DevCluster.Tests.Load;

/// <summary>A write as its response told it. A delete's response is a Status without resourceVersion, so a delete's is 0 here.</summary>
internal sealed record JournalEntry(WriteStep Step, long ResourceVersion, string Shard);
