using System.Globalization;
using k8s.Models;

namespace VmAddon.Core.Launcher.Resources;

/// <summary>Conversions between quantities and whole numbers, written the way a person reads them in kubectl.</summary>
internal static class Quantities
{
    private const long KiB = 1024;
    private const long MiB = 1024 * KiB;
    private const long GiB = 1024 * MiB;

    /// <summary>The whole number of bytes in <paramref name="quantity"/>, rounded up as Kubernetes rounds memory.</summary>
    public static long Bytes(ResourceQuantity quantity, string fieldPath)
    {
        decimal value;
        try
        {
            value = quantity.ToDecimal();
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
        {
            throw new ArgumentException($"{fieldPath}: \"{quantity}\" is not a quantity.", e);
        }

        if (value < 0)
        {
            throw new ArgumentException($"{fieldPath}: \"{quantity}\" may not be negative.");
        }

        return (long)decimal.Ceiling(value);
    }

    /// <summary>Bytes in the largest binary unit that divides them exactly: 364Mi rather than 381681664.</summary>
    public static ResourceQuantity FromBytes(long bytes)
    {
        var text = bytes switch
        {
            0 => "0",
            _ when bytes % GiB == 0 => $"{bytes / GiB}Gi",
            _ when bytes % MiB == 0 => $"{bytes / MiB}Mi",
            _ when bytes % KiB == 0 => $"{bytes / KiB}Ki",
            _ => bytes.ToString(CultureInfo.InvariantCulture),
        };
        return new ResourceQuantity(text);
    }

    /// <summary>Millicores as a CPU quantity: 400m, or 2 when whole.</summary>
    public static ResourceQuantity FromMillicores(long millicores) => new(
        millicores % 1000 == 0
            ? (millicores / 1000).ToString(CultureInfo.InvariantCulture)
            : $"{millicores.ToString(CultureInfo.InvariantCulture)}m");
}
