namespace VmAddon.DevCluster.Tests.Load;

/// <summary>
/// What a load run writes, decided by a seed: objects spread over namespaces, both kinds and four shard labels, each with a lifecycle
/// (60% only created, 20% updated, 10% updated and relabelled, 5% deleted, 5% relabelled and deleted). Each object belongs to one writer,
/// whose later steps come a random distance after its create, so writers interleave creates, updates and deletes of different objects.
/// </summary>
internal sealed record LoadPlan(IReadOnlyList<string> Namespaces, IReadOnlyList<IReadOnlyList<PlannedWrite>> Writers)
{
    private static readonly string[] _shards = ["a", "b", "c", "d"];

    /// <summary>The values of the shard label the label-selected watches select on.</summary>
    public static IReadOnlyList<string> Shards => _shards;

    public int Writes => Writers.Sum(w => w.Count);

    public static LoadPlan Create(int objects, int writers, int namespaces, int seed)
    {
        var random = new Random(seed);
        var names = Enumerable.Range(0, namespaces).Select(n => $"load-{n}").ToList();
        var scheduled = Enumerable.Range(0, writers).Select(_ => new List<(int Slot, int Order, PlannedWrite Write)>()).ToList();
        var order = 0;
        for (var i = 0; i < objects; i++)
        {
            var obj = new ObjectRef(random.Next(100) < 60 ? ObjectKind.ConfigMap : ObjectKind.VirtualMachine, names[random.Next(namespaces)], $"obj-{i:00000}");
            var shard = Shards[random.Next(Shards.Count)];
            var roll = random.Next(100);
            WriteStep[] steps = roll switch
            {
                < 60 => [WriteStep.Create],
                < 80 => [WriteStep.Create, WriteStep.Update],
                < 90 => [WriteStep.Create, WriteStep.Update, WriteStep.Relabel],
                < 95 => [WriteStep.Create, WriteStep.Delete],
                _ => [WriteStep.Create, WriteStep.Relabel, WriteStep.Delete],
            };
            var slot = i / writers;
            foreach (var step in steps)
            {
                if (step != WriteStep.Create)
                {
                    slot += 1 + random.Next(300);
                }

                if (step == WriteStep.Relabel)
                {
                    shard = _shards[(Array.IndexOf(_shards, shard) + 1) % _shards.Length];
                }

                scheduled[i % writers].Add((slot, order++, new PlannedWrite(obj, step, shard)));
            }
        }

        return new LoadPlan(names, [.. scheduled.Select(s => (IReadOnlyList<PlannedWrite>)[.. s.OrderBy(w => w.Slot).ThenBy(w => w.Order).Select(w => w.Write)])]);
    }

    /// <summary>One object of each kind and shard in each namespace: every watch sees at least one, so once it has, it has seen everything written before.</summary>
    public IReadOnlyList<PlannedWrite> Fence(string name) =>
    [
        .. from kind in Enum.GetValues<ObjectKind>()
           from ns in Namespaces
           from shard in Shards
           select new PlannedWrite(new ObjectRef(kind, ns, $"{name}-{shard}"), WriteStep.Create, shard),
    ];
}
