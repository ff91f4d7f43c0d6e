using VmAddon.Api;

namespace VmAddon.Core.Machines;

/// <summary>Sets and removes status conditions by type, keeping lastTransitionTime while a condition's status stays the same.</summary>
public static class ConditionList
{
    /// <summary>The list with <paramref name="condition"/> in place of any of its type.</summary>
    public static IList<Condition>? Set(IList<Condition>? conditions, Condition condition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var previous = conditions?.FirstOrDefault(c => c.Type == condition.Type);
        var since = previous is not null && previous.Status == condition.Status ? previous.LastTransitionTime : now.UtcDateTime;
        var updated = condition with { LastTransitionTime = since };
        var result = conditions?.ToList() ?? [];
        var at = result.FindIndex(c => c.Type == condition.Type);
        if (at < 0)
        {
            result.Add(updated);
        }
        else
        {
            // In place, so an unchanged condition leaves the list, and so the status, equal: no write.
            result[at] = updated;
        }

        return result;
    }

    /// <summary>The list without a condition of <paramref name="type"/>; null when the result is empty.</summary>
    public static IList<Condition>? Remove(IList<Condition>? conditions, string type)
    {
        var result = conditions?.Where(c => c.Type != type).ToList();
        return result is { Count: > 0 } ? result : null;
    }

    /// <summary>Whether the list holds a condition of <paramref name="type"/> with status "True".</summary>
    public static bool IsTrue(IList<Condition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == ConditionStatus.True) == true;
}
