using k8s.Models;

namespace VmAddon.DevCluster.Scheduling;

/// <summary>Amounts of compute resources as kube-scheduler counts them: cpu in millicores, every other resource in whole units (bytes, devices).</summary>
internal sealed class ResourceAmounts
{
    public const string Cpu = "cpu";
    public const string Memory = "memory";
    public const string EphemeralStorage = "ephemeral-storage";
    public const string Pods = "pods";

    private readonly Dictionary<string, long> _amounts = new(StringComparer.Ordinal);

    public long this[string name] => _amounts.GetValueOrDefault(name);

    public IEnumerable<string> Names => _amounts.Keys;

    public bool IsZero => _amounts.Values.All(v => v == 0);

    public static ResourceAmounts From(IDictionary<string, ResourceQuantity>? list)
    {
        var amounts = new ResourceAmounts();
        foreach (var (name, quantity) in list ?? new Dictionary<string, ResourceQuantity>())
        {
            amounts._amounts[name] = amounts[name] + Amount(name, quantity);
        }

        return amounts;
    }

    /// <summary>A quantity in scheduler units, rounded up as Kubernetes' MilliValue and Value do.</summary>
    public static long Amount(string name, ResourceQuantity? quantity)
    {
        if (quantity is null)
        {
            return 0;
        }

        try
        {
            var value = quantity.ToDecimal();
            return (long)Math.Ceiling(name == Cpu ? value * 1000 : value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            return 0;
        }
    }

    public ResourceAmounts Clone()
    {
        var copy = new ResourceAmounts();
        copy.Add(this);
        return copy;
    }

    public void Set(string name, long amount) => _amounts[name] = amount;

    public void Add(ResourceAmounts other)
    {
        foreach (var (name, amount) in other._amounts)
        {
            _amounts[name] = this[name] + amount;
        }
    }

    /// <summary>Raises each resource to at least the other's amount (the init-container rule).</summary>
    public void SetMax(ResourceAmounts other)
    {
        foreach (var (name, amount) in other._amounts)
        {
            _amounts[name] = Math.Max(this[name], amount);
        }
    }

    public override string ToString() => string.Join(", ", _amounts.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}"));
}
