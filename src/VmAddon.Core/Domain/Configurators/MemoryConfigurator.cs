using VmAddon.Api;

namespace VmAddon.Core.Domain;

/// <summary>Guest memory, from memory.guest (which the defaulter fills from resources.requests.memory).</summary>
internal static class MemoryConfigurator
{
    private const string Path = "spec.domain.memory.guest";

    /// <summary>The guest memory in KiB, rounded up to a whole KiB.</summary>
    public static long ConfigureKiB(Memory? memory)
    {
        var guest = memory?.Guest
            ?? throw SpecError.Invalid(Path, "guest memory is required; set it, or resources.requests.memory");
        decimal bytes;
        try
        {
            bytes = guest.ToDecimal();
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw SpecError.Invalid(Path, $"\"{guest}\" is not a quantity");
        }

        if (bytes <= 0)
        {
            throw SpecError.Invalid(Path, $"must be positive, not {guest}");
        }

        return (long)Math.Ceiling(bytes / 1024m);
    }
}
